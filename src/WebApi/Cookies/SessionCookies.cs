using System.Globalization;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Writes the session cookie. Set-Cookie headers are composed here rather than through
/// <see cref="CookieOptions"/>, which has no Partitioned attribute; set and delete share
/// <see cref="SessionCookiePolicy.Attributes"/> so they always match.
/// </summary>
public sealed class SessionCookies(IOptions<CookieSettings> settings, IOptions<AuthOptions> auth, SessionTokenSigner signer, TimeProvider clock, IOptions<SessionCookieCacheOptions> cookieCache)
{
    private readonly bool _cookieCacheEnabled = cookieCache.Value.Enabled;

    public const string SetAuthTokenHeader = "set-auth-token";

    public SessionCookiePolicy Policy { get; } = SessionCookiePolicy.Resolve(settings.Value, auth.Value);

    /// <summary>
    /// Sets the session cookie and the set-auth-token header (for bearer clients).
    /// A "remember me: false" session gets a browser-session cookie (no Max-Age).
    /// </summary>
    public void Write(HttpResponse response, SessionToken token, DateTimeOffset expiresAt, bool rememberMe)
    {
        var signed = signer.Sign(token);
        var maxAge = rememberMe
            ? "; Max-Age=" + Math.Max(0, (long)Math.Round((expiresAt - clock.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        response.Headers.Append("Set-Cookie", Policy.SessionTokenName + "=" + Uri.EscapeDataString(signed) + maxAge + Policy.Attributes);
        response.Headers[SetAuthTokenHeader] = signed;
    }

    /// <summary>Expires every auth cookie, with the attributes it was set with.</summary>
    public void Expire(HttpResponse response)
    {
        response.Headers.Append("Set-Cookie", Policy.SessionTokenName + "=; Max-Age=0" + Policy.Attributes);
        ExpireSessionData(response);

        ExpireOldName(response);
    }

    /// <summary>
    /// Expires the cookie BetterAuth set before the move (host-only, Path=/, Secure, SameSite=Lax) when the
    /// request still carries it: after its session was re-issued under the current name, and on every Expire.
    /// </summary>
    public void ExpireOldName(HttpResponse response)
    {
        if (Policy.BetterAuthSessionTokenName is { } betterAuthName && response.HttpContext.Request.Cookies.ContainsKey(betterAuthName))
        {
            response.Headers.Append("Set-Cookie", betterAuthName + "=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax");
        }
    }

    /// <summary>
    /// Expires the cookie cache's session_data cookie: always while the cache is on, and otherwise when the
    /// request still carries one (the cache was switched off since), so no stale copy outlives the session cookie.
    /// </summary>
    public void ExpireSessionData(HttpResponse response)
    {
        if (_cookieCacheEnabled || response.HttpContext.Request.Cookies.ContainsKey(Policy.SessionDataName))
        {
            response.Headers.Append("Set-Cookie", Policy.SessionDataName + "=; Max-Age=0" + Policy.Attributes);
        }
    }
}
