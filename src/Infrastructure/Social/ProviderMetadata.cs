using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>A provider's endpoints, and for an OpenID Connect provider its discovery document (issuer, keys).</summary>
internal sealed record ProviderEndpoints(string? Authorization, string? Token, string? UserInfo, OpenIdConnectConfiguration? Configuration);

/// <summary>
/// The first stage: where a provider's endpoints are. An OpenID Connect provider's discovery document and
/// keys are fetched and cached by Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> (refreshed
/// every 12 h, and at most every 30 s when a token names an unknown key); GitHub's are fixed
/// (<see cref="GitHubUserInfo"/>); a plain OAuth 2.0 provider names its three URLs in its settings.
/// </summary>
internal sealed class ProviderMetadata(IHttpClientFactory http, ILogger logger)
{
    public ConfigurationManager<OpenIdConnectConfiguration>? ConfigurationFor(string id, SocialProviderOptions settings) =>
        settings.EffectiveDiscoveryUrl(id) is not { } discovery
            ? null
            : new ConfigurationManager<OpenIdConnectConfiguration>(
                discovery,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(http.CreateClient(IdentityProviders.HttpClientName)) { RequireHttps = settings.RequireHttps })
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
                RefreshInterval = TimeSpan.FromSeconds(30),
            };

    /// <summary>The provider's endpoints; null when its discovery document or keys cannot be read.</summary>
    public async Task<ProviderEndpoints?> EndpointsAsync(ConfiguredProvider provider, CancellationToken cancellationToken)
    {
        if (provider.IsGitHub)
        {
            return GitHubUserInfo.Endpoints(provider.Settings);
        }

        if (provider.Configuration is null)
        {
            return new ProviderEndpoints(provider.Settings.AuthorizationUrl, provider.Settings.TokenUrl, provider.Settings.UserInfoUrl, Configuration: null);
        }

        try
        {
            var configuration = await provider.Configuration.GetConfigurationAsync(cancellationToken);
            return new ProviderEndpoints(
                configuration.AuthorizationEndpoint,
                configuration.TokenEndpoint,
                string.IsNullOrEmpty(configuration.UserInfoEndpoint) ? provider.Settings.UserInfoUrl : configuration.UserInfoEndpoint,
                configuration);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ProviderLog.DiscoveryFailed(logger, provider.Id, ProviderJson.FirstLine(ex.Message));
            return null;
        }
    }

    /// <summary>For doctor: the discovery document and keys read afresh, past the cache.</summary>
    public async Task<IdentityProviderProbe> ProbeAsync(ConfiguredProvider provider, CancellationToken cancellationToken)
    {
        var discovery = provider.Settings.EffectiveDiscoveryUrl(provider.Id);
        if (discovery is null)
        {
            return new IdentityProviderProbe(provider.Id, Healthy: true, "OAuth 2.0 provider without discovery: nothing to fetch ahead");
        }

        try
        {
            var retriever = new HttpDocumentRetriever(http.CreateClient(IdentityProviders.HttpClientName)) { RequireHttps = provider.Settings.RequireHttps };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(discovery, retriever, cancellationToken);
            var keys = configuration.SigningKeys.Count;
            return keys == 0
                ? new IdentityProviderProbe(provider.Id, Healthy: false, $"{discovery} answered, but its JWKS ({configuration.JwksUri}) holds no signing key")
                : new IdentityProviderProbe(provider.Id, Healthy: true, $"discovery and JWKS answer (issuer {configuration.Issuer}, {keys} signing key(s))");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new IdentityProviderProbe(provider.Id, Healthy: false, $"{discovery} or its JWKS did not answer: {ProviderJson.FirstLine(ex.Message)}");
        }
    }
}
