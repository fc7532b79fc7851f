using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The JWTs other services verify (section "Auth:Jwt"; AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE, AUTH_JWT_ALGORITHM).
/// Issuer and audience default to the base URL's origin. Validated by <see cref="JwtOptionsValidator"/>.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Auth:Jwt";

    /// <summary>ES256 (default), ES384, ES512, PS256, RS256 or EdDSA. Changing it rotates to a key of the new algorithm.</summary>
    public string Algorithm { get; set; } = nameof(SigningAlgorithm.ES256);

    /// <summary>The "iss" claim; default: the base URL's origin. Anything else only when set here explicitly.</summary>
    public string? Issuer { get; set; }

    /// <summary>Comma list for the "aud" claim (always a JSON array); default: the base URL's origin.</summary>
    public string? Audience { get; set; }

    /// <summary>Token lifetime (exp - iat).</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Send a fresh JWT in the set-auth-jwt header of get-session responses that return a session.</summary>
    public bool SetJwtHeaderOnGetSession { get; set; } = true;

    /// <summary>Cache-Control max-age of the JWKS and discovery documents.</summary>
    public TimeSpan JwksMaxAge { get; set; } = TimeSpan.FromHours(1);

    public SigningKeyOptions Keys { get; set; } = new();

    /// <summary>How long after signing a token can be accepted anywhere: its lifetime plus the largest clock skew verifiers allow.</summary>
    public TimeSpan TokenValidity => ExpiresIn + JwtOptionsValidator.MaximumClockSkew;

    /// <summary>The key lifecycle these settings describe (the rules themselves live in the domain).</summary>
    public SigningKeySchedule ToSchedule() => new(Keys.RotationInterval, Keys.PublishAhead, Keys.RetainAfterRetirement, TokenValidity);

    public SigningAlgorithm ParsedAlgorithm =>
        SigningAlgorithms.TryParse(Algorithm, out var algorithm) ? algorithm : throw new InvalidOperationException($"Unknown JWT algorithm '{Algorithm}'.");

    public string IssuerFor(AuthOptions auth) => string.IsNullOrWhiteSpace(Issuer) ? auth.BaseOrigin : Issuer.Trim();

    public IReadOnlyList<string> AudienceFor(AuthOptions auth)
    {
        var list = AuthOptions.SplitList(Audience).Distinct(StringComparer.Ordinal).ToList();
        return list.Count > 0 ? list : [auth.BaseOrigin];
    }
}

/// <summary>Signing-key rotation (section "Auth:Jwt:Keys"). Defaults follow common practice: 90 d, 14 d ahead, 14 d after.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>How long a key signs before its successor takes over.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is in the JWKS before it signs. At least the JWKS max-age plus the 12 h a .NET
    /// resource server keeps its metadata (JwtBearer's AutomaticRefreshInterval), with margin.
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a retired key stays in the JWKS after a routine rotation: at least the token lifetime plus clock skew. An emergency rotation keeps it only that long.</summary>
    public TimeSpan RetainAfterRetirement { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each instance checks the database for key changes made by others (and for due rotations).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rotate on schedule in the background. Off: only the rotate-keys command (and start-up, for the first key) rotates.</summary>
    public bool AutomaticRotation { get; set; } = true;
}
