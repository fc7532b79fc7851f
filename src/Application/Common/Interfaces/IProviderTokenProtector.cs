namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Encryption at rest of a provider's tokens (access, refresh, ID), as for signing keys and second-factor
/// secrets (ADR 0011, 0105): under a key derived from the configured secrets, current first, bound to the
/// account row so a ciphertext cannot be moved to another row.
/// </summary>
public interface IProviderTokenProtector
{
    string CurrentKeyId { get; }

    byte[] Protect(ProviderTokenSet tokens, string accountId);

    /// <summary>Null when no configured secret made the blob, or it fails authentication.</summary>
    ProviderTokenSet? Unprotect(byte[] blob, string keyId, string accountId);
}
