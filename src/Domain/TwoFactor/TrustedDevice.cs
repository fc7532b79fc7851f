using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.TwoFactor;

/// <summary>
/// A browser the user chose to trust after a second factor: its trust_device cookie skips the second
/// factor at sign-in (the password is still checked) until <see cref="ExpiresAt"/>. Each use swaps the
/// token and slides the expiry; <see cref="TrustedAt"/> stays, so a password changed since then ends
/// the trust. The row holds only the token's digest.
/// </summary>
public sealed class TrustedDevice
{
    private TrustedDevice()
    {
        Id = string.Empty;
        UserId = string.Empty;
        TokenDigest = [];
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] TokenDigest { get; private set; }

    public DateTimeOffset TrustedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static TrustedDevice Trust(string userId, SessionToken token, TimeSpan lifetime, DateTimeOffset now) =>
        new()
        {
            Id = RandomId.New(),
            UserId = string.IsNullOrEmpty(userId) ? throw new DomainRuleException("A trusted device belongs to a user.") : userId,
            TokenDigest = token.ComputeDigest(),
            TrustedAt = now,
            ExpiresAt = now + lifetime,
        };

    /// <summary>Still trusted: unexpired, and no password change since the trust was granted.</summary>
    public bool IsValid(DateTimeOffset now, DateTimeOffset? passwordChangedAt) =>
        now < ExpiresAt && (passwordChangedAt is not { } changed || changed <= TrustedAt);

    /// <summary>A new token for the next sign-in (the presented one is spent) and a fresh expiry.</summary>
    public void Rotate(SessionToken token, TimeSpan lifetime, DateTimeOffset now)
    {
        TokenDigest = token.ComputeDigest();
        ExpiresAt = now + lifetime;
    }
}
