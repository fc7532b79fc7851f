using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.SigningKeys;

/// <summary>
/// The rotation policy: how long a key signs, how long it is published before it signs (so every
/// verifier's cached JWKS already holds it), and how long it stays published after it stops signing
/// (so every token it signed can still be verified until it expires). <see cref="TokenValidity"/> is how
/// long a signed token can be accepted at all (its lifetime plus the clock skew verifiers allow): the
/// least any retention may be, and all an emergency rotation keeps a key published for.
/// </summary>
public sealed record SigningKeySchedule
{
    public SigningKeySchedule(TimeSpan rotationInterval, TimeSpan publishAhead, TimeSpan retainAfterRetirement, TimeSpan tokenValidity)
    {
        if (rotationInterval <= TimeSpan.Zero || publishAhead < TimeSpan.Zero || retainAfterRetirement <= TimeSpan.Zero)
        {
            throw new DomainRuleException("Rotation interval and retention must be positive, and the publish-ahead time must not be negative.");
        }

        if (publishAhead >= rotationInterval)
        {
            throw new DomainRuleException("A key must be published for less time than it signs: the publish-ahead time must be shorter than the rotation interval.");
        }

        if (tokenValidity <= TimeSpan.Zero || retainAfterRetirement < tokenValidity)
        {
            throw new DomainRuleException("A retired key must stay published for at least the token lifetime plus clock skew: the retention must not be shorter than the token validity.");
        }

        RotationInterval = rotationInterval;
        TokenValidity = tokenValidity;
        PublishAhead = publishAhead;
        RetainAfterRetirement = retainAfterRetirement;
    }

    /// <summary>How long a key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; }

    /// <summary>How long a new key is in the JWKS before it signs anything.</summary>
    public TimeSpan PublishAhead { get; }

    /// <summary>How long a retired key stays in the JWKS.</summary>
    public TimeSpan RetainAfterRetirement { get; }

    /// <summary>How long after signing a token can still be accepted: its lifetime plus the verifiers' clock skew.</summary>
    public TimeSpan TokenValidity { get; }
}
