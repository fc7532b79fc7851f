namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Encryption at rest of second-factor secrets (TOTP keys), as for signing keys (ADR 0011): under a key
/// derived from the configured secrets, current first, bound to the owning user so a ciphertext cannot
/// be moved to another row.
/// </summary>
public interface ISecondFactorSecretProtector
{
    string CurrentKeyId { get; }

    byte[] Protect(ReadOnlySpan<byte> secret, string userId);

    /// <summary>False when no configured secret made the blob, or it fails authentication.</summary>
    bool TryUnprotect(byte[] blob, string keyId, string userId, out byte[] secret);
}
