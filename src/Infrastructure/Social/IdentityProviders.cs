using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// The configured identity providers over HTTP (ADR 0105), one protocol stage per file: where the endpoints
/// are (<see cref="ProviderMetadata"/>: discovery and keys, cached by Microsoft.IdentityModel), the
/// authorization response's issuer (<see cref="AuthorizationResponseIssuer"/>, RFC 9207), the code redemption
/// (<see cref="TokenEndpoint"/>), the ID token (<see cref="IdTokenValidator"/>) and the user info
/// (<see cref="UserInfoEndpoint"/>); GitHub's and Entra's quirks in their own files. Every failure of a
/// provider (status, timeout, bad JSON, a token that does not validate) is a result with the callback's
/// error code; nothing the provider sends is logged but the status and the reason.
/// </summary>
public sealed class IdentityProviders : IIdentityProviders
{
    public const string HttpClientName = "oidc-providers";

    private readonly Dictionary<string, ConfiguredProvider> _providers = new(StringComparer.Ordinal);
    private readonly ProviderMetadata _metadata;
    private readonly TokenEndpoint _tokenEndpoint;
    private readonly IdTokenValidator _idTokens;
    private readonly UserInfoEndpoint _userInfo;
    private readonly GitHubUserInfo _gitHub;
    private readonly ILogger<IdentityProviders> _logger;

    public IdentityProviders(IOptions<SocialOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<IdentityProviders> logger)
    {
        _logger = logger;
        _metadata = new ProviderMetadata(http, logger);
        _tokenEndpoint = new TokenEndpoint(http, clock, logger);
        _idTokens = new IdTokenValidator(logger);
        _userInfo = new UserInfoEndpoint(http, logger);
        _gitHub = new GitHubUserInfo(_userInfo);
        foreach (var (id, settings) in options.Value.Providers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (settings is not null)
            {
                _providers[id] = new ConfiguredProvider(id, settings, _metadata.ConfigurationFor(id, settings));
            }
        }

        Configured = _providers.Values.Select(p => new IdentityProviderInfo(p.Id, p.Settings.DisplayName(p.Id))).ToList();
    }

    public IReadOnlyList<IdentityProviderInfo> Configured { get; }

    public bool Exists(string providerId) => _providers.ContainsKey(providerId);

    public async Task<Result<Uri>> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var provider = _providers[request.ProviderId];
        var endpoints = await _metadata.EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Authorization is not { } authorization)
        {
            return SocialErrors.ProviderUnavailable;
        }

        var scopes = provider.Settings.EffectiveScopes(provider.Id).Concat(request.ExtraScopes).Distinct(StringComparer.Ordinal);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", provider.Settings.ClientId!),
            new("redirect_uri", request.RedirectUri),
            new("scope", string.Join(' ', scopes)),
            new("state", request.State),
        };
        if (!provider.IsGitHub)
        {
            parameters.Add(new("nonce", request.Nonce)); // GitHub sends no ID token to carry it back
        }

        if (provider.Settings.Pkce)
        {
            parameters.Add(new("code_challenge", Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(request.CodeVerifier)))));
            parameters.Add(new("code_challenge_method", "S256"));
        }

        if (!string.IsNullOrEmpty(request.LoginHint))
        {
            parameters.Add(new("login_hint", request.LoginHint));
        }

        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return new Uri(authorization + (authorization.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    public async Task<Result<ProviderIdentity>> RedeemCodeAsync(
        string providerId, string code, string? responseIssuer, string codeVerifier, string nonce, string redirectUri, CancellationToken cancellationToken)
    {
        if (!_providers.TryGetValue(providerId, out var provider))
        {
            return Application.Common.Results.Errors.ProviderCallback.OAuthProviderNotFound;
        }

        var endpoints = await _metadata.EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Token is not { } tokenEndpoint)
        {
            return Application.Common.Results.Errors.ProviderCallback.InvalidCode;
        }

        if (AuthorizationResponseIssuer.Refusal(endpoints, responseIssuer) is { } refusal)
        {
            ProviderLog.ResponseIssuerRefused(_logger, provider.Id, refusal);
            return SocialErrors.Callback(refusal);
        }

        var tokens = await _tokenEndpoint.RedeemCodeAsync(provider, tokenEndpoint, code, codeVerifier, redirectUri, cancellationToken);
        if (tokens is null)
        {
            return Application.Common.Results.Errors.ProviderCallback.InvalidCode;
        }

        return await IdentityOfAsync(provider, endpoints, tokens, nonce, responseIssuer, cancellationToken) is { } identity
            ? identity
            : Application.Common.Results.Errors.ProviderCallback.UnableToGetUserInfo;
    }

    public async Task<Result<ProviderTokenSet>> RefreshAsync(string providerId, string refreshToken, CancellationToken cancellationToken)
    {
        if (!_providers.TryGetValue(providerId, out var provider))
        {
            return SocialErrors.ProviderNotSupported;
        }

        var endpoints = await _metadata.EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Token is not { } tokenEndpoint)
        {
            return SocialErrors.FailedToRefreshAccessToken;
        }

        var tokens = await _tokenEndpoint.RefreshAsync(provider, tokenEndpoint, refreshToken, cancellationToken);
        return tokens is null ? SocialErrors.FailedToRefreshAccessToken : tokens with { RefreshToken = tokens.RefreshToken ?? refreshToken };
    }

    public async Task<IReadOnlyList<IdentityProviderProbe>> ProbeAsync(CancellationToken cancellationToken)
    {
        var probes = new List<IdentityProviderProbe>();
        foreach (var provider in _providers.Values)
        {
            probes.Add(await _metadata.ProbeAsync(provider, cancellationToken));
        }

        return probes;
    }

    /// <summary>The person: from the ID token (completed at the user-info endpoint when it has no email), else from the user-info endpoint.</summary>
    private async Task<ProviderIdentity?> IdentityOfAsync(
        ConfiguredProvider provider, ProviderEndpoints endpoints, ProviderTokenSet tokens, string nonce, string? responseIssuer, CancellationToken cancellationToken)
    {
        if (endpoints.Configuration is { } configuration && tokens.IdToken is not null)
        {
            var identity = await _idTokens.ValidateAsync(provider, configuration, tokens, nonce, responseIssuer);
            return identity is { Email: null } && endpoints.UserInfo is { } url
                ? await _userInfo.CompleteAsync(provider, url, identity, cancellationToken)
                : identity;
        }

        if (endpoints.Configuration is not null && tokens.IdToken is null && (tokens.Scope?.Contains("openid", StringComparison.Ordinal) ?? true) && provider.AsksForOpenId)
        {
            return null; // an OpenID Connect provider asked for openid must send an ID token
        }

        if (endpoints.UserInfo is not { } userInfo)
        {
            return null;
        }

        var issuer = endpoints.Configuration?.Issuer ?? provider.LocalIssuer;
        return provider.IsGitHub
            ? await _gitHub.IdentityAsync(provider, userInfo, issuer, tokens, cancellationToken)
            : await _userInfo.ProfileAsync(provider, userInfo, issuer, tokens, cancellationToken);
    }
}
