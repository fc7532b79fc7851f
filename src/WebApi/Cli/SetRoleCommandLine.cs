using System.CommandLine;
using AuthPlatform.Application.Operators.SetUserRole;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>set-role --email ann@example.com --role admin</c>: replaces a user's roles. Makes the first administrator
/// (besides Auth:Admin:AdminUserIds); exit 1 for an unknown user or role.
/// </summary>
public static class SetRoleCommandLine
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email address of the user.", Required = true };
        var role = new Option<string>("--role") { Description = "The user's roles, comma-separated (e.g. admin).", Required = true };
        var command = new Command("set-role", "Replace a user's roles (e.g. --role admin to make an administrator).") { email, role };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(services, new SetUserRoleCommand(parse.GetValue(email), parse.GetValue(role)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync($"User {result.Value.UserId} now has the role(s) {result.Value.Role}.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
