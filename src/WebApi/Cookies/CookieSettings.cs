namespace AuthPlatform.WebApi.Cookies;

public enum CookieMode
{
    /// <summary>Frontend and API on one site (or behind one proxy): SameSite=Lax.</summary>
    SameSite,

    /// <summary>Frontend on another site: SameSite=None; Secure; Partitioned (CHIPS).</summary>
    CrossSite,
}

/// <summary>
/// Session cookie settings (section "Auth:Cookies"). <see cref="Mode"/> picks sound defaults; the other
/// properties override single attributes. See docs/adr/0004-session-token-storage.md.
/// </summary>
public sealed class CookieSettings
{
    public const string SectionName = "Auth:Cookies";

    public CookieMode Mode { get; set; } = CookieMode.SameSite;

    /// <summary>Name prefix; cookies are named &lt;prefix&gt;.session_token (BetterAuth's names by default).</summary>
    public string Prefix { get; set; } = "better-auth";

    /// <summary>Lax, Strict or None; default from <see cref="Mode"/>.</summary>
    public string? SameSite { get; set; }

    /// <summary>Default: true for an https base URL and in cross-site mode.</summary>
    public bool? Secure { get; set; }

    /// <summary>Default: true in cross-site mode.</summary>
    public bool? Partitioned { get; set; }

    /// <summary>Optional Domain attribute (shares the cookie with subdomains; prefer leaving it unset).</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Migration from BetterAuth (off by default): also accept the session cookie under the name BetterAuth
    /// gave it over https (__Secure-&lt;prefix&gt;.session_token, where this service uses __Host-). A live
    /// session presented that way is re-issued under the current name and the old cookie expired, so the
    /// setting can be switched off again once BetterAuth's longest session lifetime has passed.
    /// </summary>
    public bool AcceptBetterAuthCookie { get; set; }
}
