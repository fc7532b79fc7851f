using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.WebApi.Contracts;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Tokens;

/// <summary>
/// The OpenID discovery document, rebuilt only when the published algorithms change. URLs derive from
/// the configured base URL (never from the request's Host header, which a client controls).
/// </summary>
public sealed class DiscoveryDocument(IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth)
{
    public const string JwksPath = "/.well-known/jwks.json";
    public const string Path = "/.well-known/openid-configuration";

    private static readonly string[] Claims = ["iss", "aud", "sub", "iat", "nbf", "exp", "jti", "sid", "email", "email_verified", "name"];

    // One reference, swapped whole: concurrent readers never see a document paired with another JWKS.
    private Cached? _cached;

    public DiscoveryResponse For(JwksDocument? jwks)
    {
        if (_cached is { } cached && ReferenceEquals(cached.Source, jwks))
        {
            return cached.Response;
        }

        // The configured algorithm first (JwtBearer and others take the list as a hint), then any other still published.
        var algorithms = new List<string> { jwt.Value.ParsedAlgorithm.JoseName() };
        algorithms.AddRange((jwks?.Algorithms ?? []).Where(a => !algorithms.Contains(a, StringComparer.Ordinal)));
        var response = new DiscoveryResponse(
            jwt.Value.IssuerFor(auth.Value),
            auth.Value.BaseOrigin + JwksPath,
            algorithms,
            algorithms,
            ["public"],
            ["token"],
            Claims);
        _cached = new Cached(jwks, response);
        return response;
    }

    private sealed record Cached(JwksDocument? Source, DiscoveryResponse Response);
}
