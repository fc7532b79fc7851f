namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Core settings of the service (section "Auth"; environment: AUTH_SECRET, AUTH_SECRETS, AUTH_BASE_URL,
/// AUTH_TRUSTED_ORIGINS and the BetterAuth aliases). Validated at start-up by <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The current secret (AUTH_SECRET / BETTER_AUTH_SECRET). At least 32 characters of high entropy.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Comma list of secrets for rotation (AUTH_SECRETS): current first, then previous ones that are
    /// still accepted. BetterAuth's "version:value" entries are accepted too.
    /// </summary>
    public string? Secrets { get; set; }

    /// <summary>Public URL of the service (AUTH_BASE_URL / BETTER_AUTH_URL), e.g. https://auth.example.com.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where the auth endpoints live under the base URL.</summary>
    public string BasePath { get; set; } = "/api/auth";

    /// <summary>Comma list of origins allowed to call with cookies (AUTH_TRUSTED_ORIGINS). The base URL's origin is always trusted.</summary>
    public string? TrustedOrigins { get; set; }

    /// <summary>The secrets in order, current first. Empty when none is configured.</summary>
    public IReadOnlyList<string> SecretRing => SecretRingParser.Parse(Secret, Secrets);

    public Uri BaseUri => new(BaseUrl ?? throw new InvalidOperationException("Auth:BaseUrl is not configured."), UriKind.Absolute);

    /// <summary>scheme://host[:port] of the base URL, the default JWT issuer and audience.</summary>
    public string BaseOrigin => OriginParser.OriginOf(BaseUri);

    /// <summary>The base URL's origin plus every configured trusted origin, normalised, without duplicates.</summary>
    public IReadOnlyList<string> TrustedOriginList
    {
        get
        {
            var list = new List<string> { BaseOrigin };
            foreach (var entry in SplitList(TrustedOrigins))
            {
                if (OriginParser.TryNormalize(entry, out var origin) && !list.Contains(origin, StringComparer.Ordinal))
                {
                    list.Add(origin);
                }
            }

            return list;
        }
    }

    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
