using System.CommandLine;
using AuthPlatform.Application.Operators.RevokeUserSessions;

namespace AuthPlatform.WebApi.Cli;

/// <summary><c>revoke-user-sessions --email ann@example.com</c>: signs a user out everywhere at once.</summary>
public static class RevokeUserSessionsCommandLine
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email address of the user.", Required = true };
        var command = new Command("revoke-user-sessions", "Revoke every live session of a user (reason: revoked by operator).") { email };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(services, new RevokeUserSessionsCommand(parse.GetValue(email)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync($"Revoked {result.Value.RevokedCount} live session(s) of user {result.Value.UserId}.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
