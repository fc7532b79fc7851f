using System.CommandLine;
using AuthPlatform.Application.Operators.MarkEmailVerified;
using AuthPlatform.Application.Operators.SendPasswordReset;
using AuthPlatform.WebApi.Hosting;
using Mediator;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// `mark-email-verified --email E` (an operator vouches for an address) and `send-password-reset --email E
/// [--redirect-to URL]` (queues a reset link; the running service's outbox sender delivers it).
/// Exit codes: 0 done, 1 no such user, invalid input or mail off, 2 configuration invalid.
/// </summary>
public static class MailCommandLines
{
    public static Command CreateMarkEmailVerified()
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var command = new Command("mark-email-verified", "Mark a user's email address as verified.") { email };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync("mark-email-verified", new MarkEmailVerifiedCommand(parse.GetValue(email)), changed =>
                changed ? "Marked the address verified." : "The address was already verified.", cancellationToken));
        return command;
    }

    public static Command CreateSendPasswordReset()
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var redirectTo = new Option<string?>("--redirect-to") { Description = "The frontend's reset page (relative, or on a trusted origin)." };
        var command = new Command("send-password-reset", "Mail a user a password reset link (queued; the running service sends it).") { email, redirectTo };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync("send-password-reset", new SendPasswordResetCommand(parse.GetValue(email), parse.GetValue(redirectTo)), userId =>
                $"Queued a reset link for user {userId}; the running service sends it within its poll interval.", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync<T>(string name, ICommand<Application.Common.Results.Result<T>> message, Func<T, string> describe, CancellationToken cancellationToken)
    {
        await using var app = OperatorHost.Build();
        if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
        {
            return exit;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(message, cancellationToken);
        if (!result.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"{name}: {result.Error!.Message} ({result.Error.Code})");
            return 1;
        }

        Console.Out.WriteLine(describe(result.Value));
        return 0;
    }
}
