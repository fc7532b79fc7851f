using AuthPlatform.Application.Common.Security;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Finds the session credential of a request: an Authorization: Bearer header (raw token or the signed
/// set-auth-token value) if there is one, else the session cookie. An explicit bearer header is never
/// silently swapped for a cookie: if it is malformed, that is the answer.
/// </summary>
public sealed class CredentialReader(SessionCookies cookies, SessionTokenSigner signer)
{
    private const int MaxCredentialLength = 512;

    public PresentedCredential Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            var header = authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Parse(header.AsSpan(7).Trim(), PresentedCredential.BearerSource, signatureRequired: false);
            }
        }

        return (TryGetCookie(request, cookies.Policy.SessionTokenName, out var cookie) || TryGetCookie(request, cookies.Policy.BetterAuthSessionTokenName, out cookie))
            ? Parse(cookie.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(cookie) : cookie, PresentedCredential.CookieSource, signatureRequired: true)
            : new PresentedCredential(null, CredentialRejection.NoCredential, PresentedCredential.NoneSource);
    }

    private static bool TryGetCookie(HttpRequest request, string? name, out string cookie)
    {
        cookie = string.Empty;
        if (name is null || !request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        cookie = value;
        return true;
    }

    private PresentedCredential Parse(ReadOnlySpan<char> value, string source, bool signatureRequired)
    {
        if (value.Length > MaxCredentialLength)
        {
            return new(null, CredentialRejection.BadFormat, source, "The session token is too long.");
        }

        if (value.Contains('%'))
        {
            value = Uri.UnescapeDataString(value.ToString());
        }

        return signer.TryRead(value, signatureRequired, out var token) switch
        {
            SessionTokenSigner.Outcome.Valid => new(token, null, source),
            SessionTokenSigner.Outcome.BadSignature => new(null, CredentialRejection.BadSignature, source, "The session token signature is not valid."),
            _ when LooksLikeJwt(value) => new(null, CredentialRejection.BadFormat, source,
                "The bearer token is a JWT. JWTs from /token are for other services; send the session token here."),
            _ => new(null, CredentialRejection.BadFormat, source, "The session token is malformed."),
        };
    }

    private static bool LooksLikeJwt(ReadOnlySpan<char> value) =>
        value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count('.') == 2;
}
