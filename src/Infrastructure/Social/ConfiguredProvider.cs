using AuthPlatform.Application.Common.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// One configured provider, described as data: its id, settings and kind, and for an OpenID Connect
/// provider the cached discovery document and keys. What is particular to one kind of provider lives in
/// its own file (<see cref="GitHubUserInfo"/>, <see cref="EntraIssuer"/>); the protocol stages only ask
/// which kind they deal with. Not a record, so that nothing prints the settings' members.
/// </summary>
internal sealed class ConfiguredProvider(string id, SocialProviderOptions settings, ConfigurationManager<OpenIdConnectConfiguration>? configuration)
{
    public string Id { get; } = id;

    public SocialProviderOptions Settings { get; } = settings;

    public SocialProviderType Type { get; } = settings.EffectiveType(id);

    /// <summary>Discovery and keys, fetched and cached by Microsoft.IdentityModel; null without a discovery URL.</summary>
    public ConfigurationManager<OpenIdConnectConfiguration>? Configuration { get; } = configuration;

    public bool IsGitHub => Type == SocialProviderType.GitHub;

    /// <summary>OpenID Connect was asked for, so the token response must carry an ID token.</summary>
    public bool AsksForOpenId => Settings.EffectiveScopes(Id).Contains("openid");

    /// <summary>The issuer accounts are keyed by when the provider has none (BetterAuth's <c>local:oauth:&lt;id&gt;</c>).</summary>
    public string LocalIssuer => $"local:oauth:{Uri.EscapeDataString(Id)}";

    public override string ToString() => $"ConfiguredProvider {{ Id = {Id}, Type = {Type} }}";
}
