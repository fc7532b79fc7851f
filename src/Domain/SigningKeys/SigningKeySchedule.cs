using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.SigningKeys;

/// <summary>
/// The rotation policy: how long a key signs, how long it is published before it signs (so every
/// verifier's cached JWKS already holds it), and how long it stays published after it stops signing
/// (so every token it signed can still be verified until it expires).
/// </summary>
public sealed record SigningKeySchedule
{
    public SigningKeySchedule(TimeSpan rotationInterval, TimeSpan publishAhead, TimeSpan retainAfterRetirement)
    {
        if (rotationInterval <= TimeSpan.Zero || publishAhead < TimeSpan.Zero || retainAfterRetirement <= TimeSpan.Zero)
        {
            throw new DomainRuleException("Rotation interval and retention must be positive, and the publish-ahead time must not be negative.");
        }

        if (publishAhead >= rotationInterval)
        {
            throw new DomainRuleException("A key must be published for less time than it signs: the publish-ahead time must be shorter than the rotation interval.");
        }

        RotationInterval = rotationInterval;
        PublishAhead = publishAhead;
        RetainAfterRetirement = retainAfterRetirement;
    }

    /// <summary>How long a key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; }

    /// <summary>How long a new key is in the JWKS before it signs anything.</summary>
    public TimeSpan PublishAhead { get; }

    /// <summary>How long a retired key stays in the JWKS.</summary>
    public TimeSpan RetainAfterRetirement { get; }
}
