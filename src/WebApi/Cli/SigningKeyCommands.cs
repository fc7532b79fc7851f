using System.CommandLine;
using System.Globalization;
using AuthPlatform.Application.Operators.RotateSigningKeys;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Hosting;
using Mediator;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// `AuthPlatform.WebApi rotate-keys [--now] [--revoke KID]`: creates the active signing key's successor at once
/// (published now, signing after the publish-ahead time), re-encrypts keys still under a previous
/// secret, and prints what it did. --now makes the new key sign at once; --revoke takes a key out of
/// the JWKS at once. Running instances pick the change up within their refresh interval.
/// </summary>
public static class SigningKeyCommands
{
    public static Command CreateRotateKeysCommand()
    {
        var now = new Option<bool>("--now")
        {
            Description = "Emergency (a key must stop signing): the new key signs at once and every other key is retired now, published only until its tokens have expired (JWT lifetime plus clock skew). Verifiers reject new tokens until they refetch the JWKS.",
        };
        var revoke = new Option<string?>("--revoke")
        {
            Description = "A compromised key (its kid): removed from the JWKS at once, so tokens it signed stop verifying. If it signs now, a new key signs at once (as --now).",
            HelpName = "KID",
        };
        var command = new Command("rotate-keys", "Rotate the JWT signing keys now.") { now, revoke };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = OperatorHost.Build();
            if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
            {
                return exit;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new RotateSigningKeysCommand("operator", Force: parse.GetValue(revoke) is null, ActivateImmediately: parse.GetValue(now), RevokeKeyId: parse.GetValue(revoke)), cancellationToken);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            var outcome = result.Value;
            if (outcome.RevokedKeyId is { } revokedKeyId)
            {
                Console.Out.WriteLine($"Revoked signing key {revokedKeyId}: it is out of the JWKS now; tokens it signed stop verifying once verifiers refetch the JWKS.");
            }

            Console.Out.WriteLine(outcome.CreatedKeyId is null
                ? $"No key created: the active key {outcome.ActiveKeyId} already has a successor waiting to sign."
                : $"Created signing key {outcome.CreatedKeyId}; it signs from {outcome.CreatedKeyActivatesAt!.Value.ToString("u", CultureInfo.InvariantCulture)}.");
            Console.Out.WriteLine($"Active key: {outcome.ActiveKeyId ?? "none"}. Re-encrypted under the current secret: {outcome.Reencrypted}. Deleted after removal: {outcome.Deleted}.");
            if (outcome.Unreadable > 0)
            {
                await Console.Error.WriteLineAsync($"{outcome.Unreadable} key(s) cannot be decrypted with any configured secret: add the secret that encrypted them back to AUTH_SECRETS, after the current one.");
                return 1;
            }

            return 0;
        });
        return command;
    }
}
