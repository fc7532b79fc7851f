using System.CommandLine;
using AuthPlatform.Application.Operators.ResetTwoFactor;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>reset-two-factor --email ann@example.com [--operator "Bob (ticket 123)"]</c>: removes a user's TOTP
/// second factor, backup codes and trusted devices (lost phone), so the next sign-in needs the password
/// only. The service log records who (the operator, default the OS user) and when. Passkeys stay.
/// </summary>
public static class ResetTwoFactorCommandLine
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email address of the user.", Required = true };
        var who = new Option<string>("--operator") { Description = "Who asks, for the log line (default: the OS user name)." };
        var command = new Command("reset-two-factor", "Remove a user's second factor (TOTP, backup codes, trusted devices); passkeys are kept.") { email, who };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var operatorName = parse.GetValue(who) is { Length: > 0 } named ? named : Environment.UserName;
            var result = await OperatorHost.SendAsync(services, new ResetTwoFactorCommand(parse.GetValue(email), operatorName), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync(result.Value.HadSecondFactor
                ? $"Second factor of user {result.Value.UserId} removed by {operatorName} at {result.Value.At:O}."
                : $"User {result.Value.UserId} had no second factor; nothing to remove.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
