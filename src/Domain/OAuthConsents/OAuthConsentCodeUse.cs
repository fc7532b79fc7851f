using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.OAuthConsents;

/// <summary>
/// A consent code that was answered: the digest of the code (<see cref="OpaqueTokenDigest"/>), kept until the code
/// expires, so the same code cannot be answered twice. The code itself is signed, not stored (ADR 0141).
/// </summary>
public sealed class OAuthConsentCodeUse
{
    private OAuthConsentCodeUse()
    {
        Digest = [];
    }

    /// <summary>SHA-256 of the consent code; the key, so a second use of the same code is a unique violation.</summary>
    public byte[] Digest { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static OAuthConsentCodeUse Of(string code, DateTimeOffset expiresAt) =>
        new() { Digest = OpaqueTokenDigest.Of(code), ExpiresAt = expiresAt };
}
