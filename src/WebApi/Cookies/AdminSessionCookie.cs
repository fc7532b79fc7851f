using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// BetterAuth's admin_session cookie: while an administrator impersonates someone, their own session token is held
/// here as <c>&lt;token&gt;:&lt;"true" when not remembered, else empty&gt;</c>, HMAC-signed like the session cookie,
/// with the session cookie's attributes and no Max-Age. Written only by <see cref="SignInCookieWriter"/>; read by
/// stop-impersonating.
/// </summary>
public sealed class AdminSessionCookie(SessionCookies sessionCookies, SessionTokenSigner signer)
{
    private const int MaxValueLength = 512;

    public string Name => sessionCookies.Policy.SessionTokenName[..^"session_token".Length] + "admin_session";

    public void Write(HttpResponse response, HeldAdminSession held) =>
        response.Headers.Append("Set-Cookie", string.Concat(
            Name, "=", Uri.EscapeDataString(signer.SignValue(held.Token.Value + ":" + (held.RememberMe ? string.Empty : "true"))),
            sessionCookies.Policy.Attributes));

    /// <summary>The held administrator's token, or null when the cookie is absent, malformed or not validly signed.</summary>
    public SessionToken? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > MaxValueLength)
        {
            return null;
        }

        var unescaped = value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
        if (!signer.TryReadValue(unescaped, out var held))
        {
            return null;
        }

        var colon = held.IndexOf(':', StringComparison.Ordinal);
        return SessionToken.TryParse(colon < 0 ? held : held[..colon], out var token) ? token : null;
    }

    public void Expire(HttpResponse response) =>
        response.Headers.Append("Set-Cookie", Name + "=; Max-Age=0" + sessionCookies.Policy.Attributes);
}
