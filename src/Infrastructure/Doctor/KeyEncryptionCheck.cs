using System.Security.Cryptography;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.SigningKeys;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// Every signing key that signs now or will sign decrypts with one of the configured secrets, and which
/// one (secrets are named by their place in AUTH_SECRETS, never shown). A key no configured secret
/// decrypts cannot sign: /token would answer 503. A key under a previous secret still works, but only
/// until that secret is dropped; start-up and rotate-keys re-encrypt it under the current one.
/// </summary>
public sealed class KeyEncryptionCheck : IDoctorCheck
{
    public string Name => "key-encryption";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var secrets = context.Auth.SecretRing;
        if (secrets.Count == 0)
        {
            return DoctorResult.Skip("needs a secret");
        }

        if (await KeyRingRows.ReadAsync(context, cancellationToken) is not { } ring)
        {
            return DoctorResult.Skip("needs the database and its migrations");
        }

        if (ring.Keys.Count == 0)
        {
            return DoctorResult.Pass("no signing keys yet: the first instance to start creates one under the current secret");
        }

        // One decryptor per secret, so each key's secret is known by its place in the list.
        var perSecret = secrets.Select(secret => new SigningKeyEncryption(Options.Create(new AuthOptions { Secret = secret }))).ToList();
        var findings = new List<DoctorFinding>();
        var needed = ring.Keys.Where(k => k.StatusAt(ring.Now) is SigningKeyStatus.Active or SigningKeyStatus.Published).ToList();
        var underPrevious = new Dictionary<int, List<string>>();
        foreach (var key in needed)
        {
            var secret = perSecret.FindIndex(e => e.CurrentEncryptionKeyId == key.EncryptionKeyId);
            if (secret < 0)
            {
                findings.Add(DoctorFinding.Failure(
                    $"signing key {key.Id} ({ring.StatusOf(key)}) was encrypted under a secret that is not configured: {NoneDecrypts(secrets.Count)}, so it cannot sign.",
                    "add the secret that encrypted it back to AUTH_SECRETS, after the current one (AUTH_SECRETS=<current>,<previous>); if that secret is lost, run `rotate-keys --now` for a new key"));
            }
            else if (!Decrypts(perSecret[secret], key))
            {
                findings.Add(DoctorFinding.Failure(
                    $"signing key {key.Id} ({ring.StatusOf(key)}) names secret #{secret + 1} of AUTH_SECRETS, but its stored ciphertext does not decrypt with it: the row is damaged.",
                    "run `rotate-keys --now` for a new key that signs at once"));
            }
            else if (secret > 0)
            {
                underPrevious.TryAdd(secret, []);
                underPrevious[secret].Add(key.Id);
            }
        }

        foreach (var (secret, keys) in underPrevious)
        {
            findings.Add(DoctorFinding.Warning(
                $"signing key(s) {string.Join(", ", keys)} are encrypted under secret #{secret + 1} of AUTH_SECRETS, not the current one: dropping that secret before they are re-encrypted stops them from signing.",
                $"start an instance or run `rotate-keys` (both re-encrypt under the current secret) before removing secret #{secret + 1} from AUTH_SECRETS"));
        }

        var retired = ring.Keys.Count - needed.Count;
        return DoctorFinding.Summarize(
            $"{needed.Count} signing key(s) that sign now or will sign decrypt with the current secret{(retired > 0 ? $"; {retired} retired key(s) only verify and need no secret" : string.Empty)}",
            findings);
    }

    private static string NoneDecrypts(int secrets) =>
        secrets == 1 ? "the configured secret (#1, the current one) does not decrypt it" : $"none of the {secrets} configured secrets (#1 is the current one) decrypts it";

    private static bool Decrypts(SigningKeyEncryption encryption, SigningKey key)
    {
        if (!encryption.TryDecrypt(key, out var privateKey))
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(privateKey);
        return true;
    }
}
