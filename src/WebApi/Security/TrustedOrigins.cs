using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The origins allowed to make credentialed requests: the base URL's origin plus AUTH_TRUSTED_ORIGINS,
/// matched exactly (scheme, host and port; no wildcards). Shared by the CSRF origin check and CORS.
/// </summary>
public sealed class TrustedOrigins(IOptions<AuthOptions> options)
{
    private readonly Lazy<HashSet<string>> _origins = new(() => new HashSet<string>(options.Value.TrustedOriginList, StringComparer.Ordinal));

    public IReadOnlyCollection<string> All => _origins.Value;

    public bool IsTrusted(string? origin) =>
        OriginParser.TryNormalize(origin, out var normalized) && _origins.Value.Contains(normalized);

    /// <summary>The origin a request claims: its Origin header, else the origin of its Referer. Null when neither.</summary>
    public static string? ClaimedOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return origin;
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 && Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? OriginParser.OriginOf(uri)
            : referer.Length > 0 ? "null" : null;
    }
}
