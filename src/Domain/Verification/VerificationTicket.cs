using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Verification;

/// <summary>
/// A one-time link that was mailed: the digest of its token, what it is for, whose it is and (for
/// verification and email change) the address it was sent to. It works once, until it expires.
/// </summary>
public sealed class VerificationTicket
{
    private VerificationTicket()
    {
        Id = string.Empty;
        UserId = string.Empty;
        Email = string.Empty;
        TokenDigest = [];
    }

    public string Id { get; private set; }

    public VerificationPurpose Purpose { get; private set; }

    /// <summary>SHA-256 of the token (<see cref="OneTimeToken.ComputeDigest"/>), never the token.</summary>
    public byte[] TokenDigest { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The address the link was mailed to (canonical form).</summary>
    public string Email { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Set once, atomically, by the request that uses the link.</summary>
    public DateTimeOffset? ConsumedAt { get; private set; }

    public static VerificationTicket Issue(VerificationPurpose purpose, OneTimeToken token, string userId, string email, TimeSpan lifetime, DateTimeOffset now)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new DomainRuleException("A verification link needs a positive lifetime.");
        }

        return new VerificationTicket
        {
            Id = RandomId.New(),
            Purpose = purpose,
            TokenDigest = token.ComputeDigest(),
            UserId = userId,
            Email = email,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && now < ExpiresAt;

    /// <summary>
    /// Makes a link that was never used unusable, because what it was mailed for has changed (a newer
    /// password, another address): it is marked used at <paramref name="now"/>.
    /// </summary>
    public void Withdraw(DateTimeOffset now) => ConsumedAt ??= now;
}
