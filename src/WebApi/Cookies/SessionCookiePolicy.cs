using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// The resolved attributes every auth cookie is set and expired with. One object, so the clearing
/// Set-Cookie always repeats the attributes of the setting one (a Partitioned cookie can only be
/// deleted by a Partitioned Set-Cookie).
/// </summary>
public sealed record SessionCookiePolicy(string SessionTokenName, string SameSite, bool Secure, bool Partitioned, string? Domain)
{
    public static SessionCookiePolicy Resolve(CookieSettings settings, AuthOptions auth)
    {
        var httpsBase = Uri.TryCreate(auth.BaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme == Uri.UriSchemeHttps;
        var crossSite = settings.Mode == CookieMode.CrossSite;
        var sameSite = Normalize(settings.SameSite) ?? (crossSite ? "None" : "Lax");
        var secure = settings.Secure ?? (httpsBase || crossSite);
        var partitioned = settings.Partitioned ?? crossSite;
        var domain = string.IsNullOrWhiteSpace(settings.Domain) ? null : settings.Domain.Trim();

        // __Host- binds the cookie to this exact host (no Domain, Path=/, Secure): nothing on a sibling
        // subdomain can overwrite it. With a Domain only __Secure- is allowed.
        var namePrefix = !secure ? string.Empty : domain is null ? "__Host-" : "__Secure-";
        return new SessionCookiePolicy($"{namePrefix}{settings.Prefix}.session_token", sameSite, secure, partitioned, domain)
        {
            AcceptsBetterAuthName = settings.AcceptBetterAuthCookie,
        };
    }

    /// <summary>Auth:Cookies:AcceptBetterAuthCookie: whether <see cref="BetterAuthSessionTokenName"/> is read at all.</summary>
    public bool AcceptsBetterAuthName { get; init; }

    /// <summary>The old name the credential reader accepts besides <see cref="SessionTokenName"/>, or null.</summary>
    public string? AcceptedOldSessionTokenName => AcceptsBetterAuthName ? BetterAuthSessionTokenName : null;

    /// <summary>
    /// The name BetterAuth gives this cookie over https (__Secure-&lt;prefix&gt;.session_token where this service
    /// uses __Host-); null when the names do not differ. Read only under Auth:Cookies:AcceptBetterAuthCookie,
    /// when the primary cookie is absent, so sessions imported from BetterAuth keep working in browsers that
    /// still hold BetterAuth's cookie until they are re-issued under the current name.
    /// </summary>
    public string? BetterAuthSessionTokenName =>
        SessionTokenName.StartsWith(HostPrefix, StringComparison.Ordinal) ? "__Secure-" + SessionTokenName[HostPrefix.Length..] : null;

    private const string HostPrefix = "__Host-";

    /// <summary>The cookie cache's cookie (&lt;prefix&gt;.session_data), named and prefixed like the session cookie.</summary>
    public string SessionDataName => SessionTokenName[..^"session_token".Length] + "session_data";

    public static string? Normalize(string? sameSite) => sameSite?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "lax" => "Lax",
        "strict" => "Strict",
        "none" => "None",
        _ => sameSite,
    };

    /// <summary>The attribute tail shared by set and delete: "; Path=/; HttpOnly; Secure; SameSite=None; Partitioned".</summary>
    public string Attributes => string.Concat(
        Domain is null ? string.Empty : "; Domain=" + Domain,
        "; Path=/; HttpOnly",
        Secure ? "; Secure" : string.Empty,
        "; SameSite=", SameSite,
        Partitioned ? "; Partitioned" : string.Empty);
}
