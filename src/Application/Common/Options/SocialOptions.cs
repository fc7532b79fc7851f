namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Sign-in with external identity providers (section "Auth:Social"). Each entry of <see cref="Providers"/>
/// is one provider under the id the routes use (/sign-in/social {provider}, /callback/{id}): any OpenID
/// Connect provider by its discovery URL, a plain OAuth 2.0 provider by its three URLs, or a preset
/// (google, microsoft, github) that needs only the client id and secret.
/// </summary>
public sealed class SocialOptions
{
    public const string SectionName = "Auth:Social";

    /// <summary>Per provider id: its settings (Auth:Social:Providers:&lt;id&gt;:ClientId, ...; see docs/social-sign-in.md).</summary>
    public Dictionary<string, SocialProviderOptions> Providers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Comma list of provider ids whose verified email may sign a person into an existing user with that
    /// email (implicit linking; BetterAuth's accountLinking.trustedProviders). Empty: no implicit linking.
    /// </summary>
    public string? TrustedProviders { get; set; }

    /// <summary>How long an authorization request waits for the provider's callback.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time allowed for one request to a provider (discovery, token, user info).</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> TrustedProviderList => AuthOptions.SplitList(TrustedProviders).ToList();

    public bool IsTrusted(string providerId) => TrustedProviderList.Contains(providerId, StringComparer.Ordinal);
}

public enum SocialProviderType
{
    /// <summary>Any OpenID Connect provider, by its discovery URL (or plain OAuth 2.0 by its URLs).</summary>
    Oidc,
    Google,
    Microsoft,
    GitHub,
}

/// <summary>One identity provider (Auth:Social:Providers:&lt;id&gt;).</summary>
public sealed class SocialProviderOptions
{
    /// <summary>Oidc, Google, Microsoft or GitHub; default: the preset named like the id, else Oidc.</summary>
    public SocialProviderType? Type { get; set; }

    /// <summary>Shown on the sign-in button; default: the preset's name or the id.</summary>
    public string? Name { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider's /.well-known/openid-configuration (Oidc).</summary>
    public string? DiscoveryUrl { get; set; }

    /// <summary>Microsoft Entra ID tenant: a tenant id or domain, or common, organizations, consumers (default common).</summary>
    public string? TenantId { get; set; }

    /// <summary>Plain OAuth 2.0 (no discovery): the authorization, token and user-info endpoints.</summary>
    public string? AuthorizationUrl { get; set; }

    public string? TokenUrl { get; set; }

    public string? UserInfoUrl { get; set; }

    /// <summary>Comma list of scopes; default: the preset's, or openid,email,profile.</summary>
    public string? Scopes { get; set; }

    /// <summary>PKCE (S256) on the authorization code; on by default.</summary>
    public bool Pkce { get; set; } = true;

    /// <summary>The provider's URLs must be https; false only for a provider on loopback in development and tests.</summary>
    public bool RequireHttps { get; set; } = true;

    public SocialProviderType EffectiveType(string id) => Type ?? id switch
    {
        "google" => SocialProviderType.Google,
        "microsoft" => SocialProviderType.Microsoft,
        "github" => SocialProviderType.GitHub,
        _ => SocialProviderType.Oidc,
    };

    public string DisplayName(string id) => !string.IsNullOrWhiteSpace(Name) ? Name : EffectiveType(id) switch
    {
        SocialProviderType.Google => "Google",
        SocialProviderType.Microsoft => "Microsoft",
        SocialProviderType.GitHub => "GitHub",
        _ => id,
    };

    /// <summary>The discovery URL in effect: the configured one, or the preset's.</summary>
    public string? EffectiveDiscoveryUrl(string id) => EffectiveType(id) switch
    {
        SocialProviderType.Google => "https://accounts.google.com/.well-known/openid-configuration",
        SocialProviderType.Microsoft => $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "common" : TenantId)}/v2.0/.well-known/openid-configuration",
        SocialProviderType.GitHub => null,
        _ => string.IsNullOrWhiteSpace(DiscoveryUrl) ? null : DiscoveryUrl,
    };

    public IReadOnlyList<string> EffectiveScopes(string id) => !string.IsNullOrWhiteSpace(Scopes)
        ? AuthOptions.SplitList(Scopes).ToList()
        : EffectiveType(id) switch
        {
            SocialProviderType.GitHub => ["read:user", "user:email"],
            _ => ["openid", "email", "profile"],
        };

    public override string ToString() => $"SocialProviderOptions {{ Type = {Type}, ClientId = {ClientId}, ClientSecret = *** }}";
}
