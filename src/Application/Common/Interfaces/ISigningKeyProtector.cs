using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Encryption of private keys at rest, under keys derived from the configured secrets (current first).
/// After a secret rotation, keys encrypted under an older secret are re-encrypted under the current one.
/// </summary>
public interface ISigningKeyProtector
{
    /// <summary>The id of the key derived from the current secret.</summary>
    string CurrentEncryptionKeyId { get; }

    /// <summary>
    /// The private key of <paramref name="key"/> encrypted under the current secret, or false when no
    /// configured secret can decrypt it (the secret that encrypted it was dropped too early).
    /// </summary>
    bool TryReencrypt(SigningKey key, out byte[] encryptedPrivateKey);
}
