using System.CommandLine;
using System.Globalization;
using AuthPlatform.Application.RotateSigningKeys;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Hosting;
using Mediator;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// `AuthPlatform.WebApi rotate-keys [--now]`: creates the active signing key's successor at once
/// (published now, signing after the publish-ahead time), re-encrypts keys still under a previous
/// secret, and prints what it did. Running instances pick the change up within their refresh interval.
/// </summary>
public static class SigningKeyCommands
{
    public static Command CreateRotateKeysCommand()
    {
        var now = new Option<bool>("--now")
        {
            Description = "Emergency (a key is compromised or must stop signing): the new key signs at once and every other key is retired now. Verifiers reject new tokens until they refetch the JWKS.",
        };
        var command = new Command("rotate-keys", "Rotate the JWT signing keys now.") { now };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = ServiceHost.Build([]);
            if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
            {
                return exit;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new RotateSigningKeysCommand("operator", Force: true, ActivateImmediately: parse.GetValue(now)), cancellationToken);
            var outcome = result.Value;
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
