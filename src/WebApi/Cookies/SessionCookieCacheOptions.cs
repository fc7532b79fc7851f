namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// The session cookie cache (section "Auth:Session:CookieCache"): a signed &lt;prefix&gt;.session_data cookie
/// carrying the session and its user, so get-session can answer without reading the store. Off by
/// default, as in BetterAuth. While on, a revoked session can still be reported as live by get-session,
/// on a device that holds a valid cache cookie, for at most <see cref="MaxAge"/> (docs/security.md,
/// "Cookie cache"); every other route reads the store.
/// </summary>
public sealed class SessionCookieCacheOptions
{
    public const string SectionName = "Auth:Session:CookieCache";

    public bool Enabled { get; set; }

    /// <summary>How long one cache cookie is believed: the revocation bound of get-session.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Changing it invalidates every cache cookie already issued (it is part of the signing key), e.g.
    /// after a change to what the session or user carries, or to end every cached view at once.
    /// </summary>
    public string Version { get; set; } = "1";
}
