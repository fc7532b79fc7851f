namespace AuthPlatform.Domain.SigningKeys;

/// <summary>Where a signing key is in its life, derived from its timestamps at a given instant.</summary>
public enum SigningKeyStatus
{
    /// <summary>In the JWKS so verifiers can cache it, but not signing yet.</summary>
    Published,

    /// <summary>Signs new tokens (and is in the JWKS).</summary>
    Active,

    /// <summary>No longer signs; stays in the JWKS until every token it signed has expired.</summary>
    Retired,

    /// <summary>Out of the JWKS: tokens it signed no longer verify.</summary>
    Removed,
}
