using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// What this service's JWTs say about their origin, from the token settings (<see cref="JwtOptions"/>:
/// AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE, both the base URL's origin by default), and the URLs the JWKS
/// is served at.
/// </summary>
public sealed record TokenIdentity(string Issuer, IReadOnlyList<string> Audiences, IReadOnlyList<Uri> JwksUrls)
{
    public static TokenIdentity From(JwtOptions jwt, AuthOptions auth, Uri baseUri)
    {
        var root = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new TokenIdentity(
            jwt.IssuerFor(auth),
            jwt.AudienceFor(auth),
            [new Uri($"{root}{auth.BasePath}/jwks"), new Uri($"{root}/.well-known/jwks.json")]);
    }

    /// <summary>Same scheme, host, port and path (a trailing slash aside); the query must match too.</summary>
    public static bool SameUrl(Uri first, Uri second) =>
        Uri.Compare(first, second, UriComponents.SchemeAndServer | UriComponents.Query, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(first.AbsolutePath.TrimEnd('/'), second.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
}
