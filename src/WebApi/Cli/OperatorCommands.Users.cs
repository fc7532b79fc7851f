using System.CommandLine;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Operators.DisableUser;
using AuthPlatform.Application.Users.DeleteUser;
using AuthPlatform.WebApi.Hosting;
using Mediator;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// `disable-user --email` and `delete-user --email`: end an account's access at once. Every session of the
/// user is revoked in the same transaction, so the next request with any of its tokens is a 401.
/// Exit codes: 0 done, 1 no such user or invalid email, 2 configuration invalid.
/// </summary>
public static partial class OperatorCommands
{
    private static Command CreateDisableUserCommand() =>
        CreateUserAccessCommand("disable-user", "Disable a user: no more sign-ins, and every session ends now.",
            email => new DisableUserCommand(email), "Disabled");

    private static Command CreateDeleteUserCommand() =>
        CreateUserAccessCommand("delete-user", "Delete a user and their password; every session ends now.",
            email => new DeleteUserCommand(email), "Deleted");

    private static Command CreateUserAccessCommand(string name, string description, Func<string, ICommand<Result<UserAccessRemoved>>> message, string verb)
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var command = new Command(name, description) { email };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = OperatorHost.Build();
            if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
            {
                return exit;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var result = await sender.Send(message(parse.GetValue(email)!), cancellationToken);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"{name}: {result.Error!.Message} ({result.Error.Code})");
                return 1;
            }

            Console.Out.WriteLine($"{verb} user {result.Value.UserId}; {result.Value.SessionsRevoked} session(s) revoked.");
            return 0;
        });
        return command;
    }
}
