namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// One account's failed-sign-in bucket (table sign_in_throttles). Keyed by an HMAC of the canonical email,
/// so the table names no one and unknown emails get buckets exactly like registered ones.
/// </summary>
public sealed class SignInThrottleRow
{
    public byte[] KeyDigest { get; set; } = [];

    /// <summary>Failures still allowed, as of <see cref="UpdatedAt"/> (fractional: it refills continuously).</summary>
    public double Tokens { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
