using AuthPlatform.Application.Common.Security;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>
/// Finds the session credential of a request: an Authorization: Bearer header (raw token or the signed
/// set-auth-token value) if there is one, else the session cookie (under its current name, or BetterAuth's
/// old name when Auth:Cookies:AcceptBetterAuthCookie is on). An explicit bearer header is never silently
/// swapped for a cookie: if it is malformed, that is the answer. Used by the session authentication
/// handler, and by the origin check to know whether a request carries a cookie this reader would accept.
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

        if (TryGetCookie(request, cookies.Policy.SessionTokenName, out var cookie))
        {
            return Parse(cookie, PresentedCredential.CookieSource, signatureRequired: true);
        }

        return TryGetCookie(request, cookies.Policy.AcceptedOldSessionTokenName, out cookie)
            ? Parse(cookie, PresentedCredential.CookieSource, signatureRequired: true) with { UnderOldName = true }
            : new PresentedCredential(null, CredentialRejection.NoCredential, PresentedCredential.NoneSource);
    }

    /// <summary>The request carries a session cookie under a name this reader accepts (whatever its value).</summary>
    public bool CarriesSessionCookie(HttpRequest request) =>
        TryGetCookie(request, cookies.Policy.SessionTokenName, out _) || TryGetCookie(request, cookies.Policy.AcceptedOldSessionTokenName, out _);

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

        return signer.TryRead(value, signatureRequired, out var token, out var previousSecret) switch
        {
            SessionTokenSigner.Outcome.Valid => new(token, null, source) { SignedWithPreviousSecret = previousSecret },
            SessionTokenSigner.Outcome.BadSignature => new(null, CredentialRejection.BadSignature, source, "The session token signature is not valid."),
            _ when LooksLikeJwt(value) => new(null, CredentialRejection.BadFormat, source,
                "The bearer token is a JWT. JWTs from /token are for other services; send the session token here."),
            _ => new(null, CredentialRejection.BadFormat, source, "The session token is malformed."),
        };
    }

    private static bool LooksLikeJwt(ReadOnlySpan<char> value) =>
        value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count('.') == 2;
}
