using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.WebApi.Cli.Doctor;

/// <summary>
/// What this service's JWTs say about their origin, from configuration: the issuer (AUTH_JWT_ISSUER,
/// key Auth:Jwt:Issuer) and audiences (AUTH_JWT_AUDIENCE, key Auth:Jwt:Audience, a comma list), both
/// the base URL's origin by default, and the URLs the JWKS is served at.
/// </summary>
public sealed record TokenIdentity(string Issuer, IReadOnlyList<string> Audiences, IReadOnlyList<Uri> JwksUrls)
{
    public const string IssuerKey = "Auth:Jwt:Issuer";
    public const string AudienceKey = "Auth:Jwt:Audience";

    public static TokenIdentity From(IConfiguration configuration, AuthOptions auth, Uri baseUri)
    {
        var origin = OriginParser.OriginOf(baseUri);
        var issuer = configuration[IssuerKey] is { Length: > 0 } configured ? configured.Trim() : origin;
        var audiences = AuthOptions.SplitList(configuration[AudienceKey]).ToList();
        var root = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new TokenIdentity(
            issuer,
            audiences.Count > 0 ? audiences : [origin],
            [new Uri($"{root}{auth.BasePath}/jwks"), new Uri($"{root}/.well-known/jwks.json")]);
    }

    /// <summary>Same scheme, host, port and path (a trailing slash aside); the query must match too.</summary>
    public static bool SameUrl(Uri first, Uri second) =>
        Uri.Compare(first, second, UriComponents.SchemeAndServer | UriComponents.Query, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(first.AbsolutePath.TrimEnd('/'), second.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
}
