using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// The configured identity providers over HTTP (ADR 0105). OpenID Connect providers are found through
/// their discovery document and keys, fetched and cached by Microsoft.IdentityModel's
/// <see cref="ConfigurationManager{T}"/> (re-read when a token names an unknown key); ID tokens are
/// validated by <see cref="JsonWebTokenHandler"/> (signature, iss, aud, exp) and the nonce is compared
/// here. GitHub and plain OAuth 2.0 providers answer through their user-info endpoint. Every failure of a
/// provider (status, timeout, bad JSON, a token that does not validate) is a result with the callback's
/// error code; nothing the provider sends is logged but the status and the reason.
/// </summary>
public sealed partial class IdentityProviders : IIdentityProviders
{
    public const string HttpClientName = "oidc-providers";

    private readonly Dictionary<string, Provider> _providers = new(StringComparer.Ordinal);
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<IdentityProviders> _logger;
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };

    public IdentityProviders(IOptions<SocialOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<IdentityProviders> logger)
    {
        _http = http;
        _clock = clock;
        _logger = logger;
        foreach (var (id, settings) in options.Value.Providers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (settings is null)
            {
                continue;
            }

            var discovery = settings.EffectiveDiscoveryUrl(id);
            var configuration = discovery is null
                ? null
                : new ConfigurationManager<OpenIdConnectConfiguration>(
                    discovery,
                    new OpenIdConnectConfigurationRetriever(),
                    new HttpDocumentRetriever(http.CreateClient(HttpClientName)) { RequireHttps = settings.RequireHttps })
                {
                    AutomaticRefreshInterval = TimeSpan.FromHours(12),
                    RefreshInterval = TimeSpan.FromSeconds(30),
                };
            _providers[id] = new Provider(id, settings, settings.EffectiveType(id), configuration);
        }

        Configured = _providers.Values.Select(p => new IdentityProviderInfo(p.Id, p.Settings.DisplayName(p.Id))).ToList();
    }

    public IReadOnlyList<IdentityProviderInfo> Configured { get; }

    public bool Exists(string providerId) => _providers.ContainsKey(providerId);

    public async Task<Result<Uri>> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var provider = _providers[request.ProviderId];
        var endpoints = await EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Authorization is not { } authorization)
        {
            return Application.Common.Results.SocialErrors.ProviderUnavailable;
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
        if (provider.Type != SocialProviderType.GitHub)
        {
            parameters.Add(new("nonce", request.Nonce));
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

    public async Task<Result<ProviderIdentity>> RedeemCodeAsync(string providerId, string code, string codeVerifier, string nonce, string redirectUri, CancellationToken cancellationToken)
    {
        if (!_providers.TryGetValue(providerId, out var provider))
        {
            return Application.Common.Results.Errors.ProviderCallback.OAuthProviderNotFound;
        }

        var endpoints = await EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Token is not { } tokenEndpoint)
        {
            return Application.Common.Results.Errors.ProviderCallback.InvalidCode;
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", redirectUri),
            new("client_id", provider.Settings.ClientId!),
            new("client_secret", provider.Settings.ClientSecret!),
        };
        if (provider.Settings.Pkce)
        {
            form.Add(new("code_verifier", codeVerifier));
        }

        var tokens = await PostTokenRequestAsync(provider, tokenEndpoint, form, cancellationToken);
        if (tokens is null)
        {
            return Application.Common.Results.Errors.ProviderCallback.InvalidCode;
        }

        return await IdentityOfAsync(provider, endpoints, tokens, nonce, cancellationToken) is { } identity
            ? identity
            : Application.Common.Results.Errors.ProviderCallback.UnableToGetUserInfo;
    }

    public async Task<Result<ProviderTokenSet>> RefreshAsync(string providerId, string refreshToken, CancellationToken cancellationToken)
    {
        if (!_providers.TryGetValue(providerId, out var provider))
        {
            return Application.Common.Results.SocialErrors.ProviderNotSupported;
        }

        var endpoints = await EndpointsAsync(provider, cancellationToken);
        if (endpoints?.Token is not { } tokenEndpoint)
        {
            return Application.Common.Results.SocialErrors.FailedToRefreshAccessToken;
        }

        var tokens = await PostTokenRequestAsync(provider, tokenEndpoint,
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", provider.Settings.ClientId!),
            new("client_secret", provider.Settings.ClientSecret!),
        ], cancellationToken);
        return tokens is null ? Application.Common.Results.SocialErrors.FailedToRefreshAccessToken : tokens.Tokens with
        {
            RefreshToken = tokens.Tokens.RefreshToken ?? refreshToken,
        };
    }

    public async Task<IReadOnlyList<IdentityProviderProbe>> ProbeAsync(CancellationToken cancellationToken)
    {
        var probes = new List<IdentityProviderProbe>();
        foreach (var provider in _providers.Values)
        {
            var discovery = provider.Settings.EffectiveDiscoveryUrl(provider.Id);
            if (discovery is null)
            {
                probes.Add(new IdentityProviderProbe(provider.Id, Healthy: true, "OAuth 2.0 provider without discovery: nothing to fetch ahead"));
                continue;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(_http.CreateClient(HttpClientName)) { RequireHttps = provider.Settings.RequireHttps };
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(discovery, retriever, cancellationToken);
                var keys = configuration.SigningKeys.Count;
                probes.Add(keys == 0
                    ? new IdentityProviderProbe(provider.Id, Healthy: false, $"{discovery} answered, but its JWKS ({configuration.JwksUri}) holds no signing key")
                    : new IdentityProviderProbe(provider.Id, Healthy: true, $"discovery and JWKS answer (issuer {configuration.Issuer}, {keys} signing key(s))"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                probes.Add(new IdentityProviderProbe(provider.Id, Healthy: false, $"{discovery} or its JWKS did not answer: {FirstLine(ex.Message)}"));
            }
        }

        return probes;
    }

    private async Task<Endpoints?> EndpointsAsync(Provider provider, CancellationToken cancellationToken)
    {
        if (provider.Type == SocialProviderType.GitHub)
        {
            return new Endpoints(
                provider.Settings.AuthorizationUrl ?? "https://github.com/login/oauth/authorize",
                provider.Settings.TokenUrl ?? "https://github.com/login/oauth/access_token",
                provider.Settings.UserInfoUrl ?? "https://api.github.com/user",
                Configuration: null);
        }

        if (provider.Configuration is null)
        {
            return new Endpoints(provider.Settings.AuthorizationUrl, provider.Settings.TokenUrl, provider.Settings.UserInfoUrl, Configuration: null);
        }

        try
        {
            var configuration = await provider.Configuration.GetConfigurationAsync(cancellationToken);
            return new Endpoints(
                configuration.AuthorizationEndpoint,
                configuration.TokenEndpoint,
                string.IsNullOrEmpty(configuration.UserInfoEndpoint) ? provider.Settings.UserInfoUrl : configuration.UserInfoEndpoint,
                configuration);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDiscoveryFailed(_logger, provider.Id, FirstLine(ex.Message));
            return null;
        }
    }

    private async Task<TokenResponse?> PostTokenRequestAsync(Provider provider, string endpoint, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        try
        {
            using var client = _http.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogTokenEndpointRefused(_logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "access_token") is not { } accessToken || String(root, "error") is not null)
            {
                LogTokenEndpointRefused(_logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            var now = _clock.GetUtcNow();
            var expiresIn = Number(root, "expires_in");
            var refreshExpiresIn = Number(root, "refresh_token_expires_in");
            return new TokenResponse(new ProviderTokenSet(
                accessToken,
                String(root, "refresh_token"),
                String(root, "id_token"),
                expiresIn is { } e ? now.AddSeconds(e) : null,
                refreshExpiresIn is { } r ? now.AddSeconds(r) : null,
                String(root, "scope")?.Replace(' ', ',')));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogProviderUnreachable(_logger, provider.Id, ex.GetType().Name);
            return null;
        }
    }

    private async Task<ProviderIdentity?> IdentityOfAsync(Provider provider, Endpoints endpoints, TokenResponse response, string nonce, CancellationToken cancellationToken)
    {
        var tokens = response.Tokens;
        if (endpoints.Configuration is { } configuration && tokens.IdToken is { } idToken)
        {
            var validated = await ValidateIdTokenAsync(provider, configuration, idToken, nonce);
            if (validated is null)
            {
                return null;
            }

            var (issuer, claims) = validated.Value;
            var subject = String(claims, "sub");
            if (subject is null)
            {
                return null;
            }

            var email = String(claims, "email");
            var verified = Bool(claims, "email_verified");
            var name = String(claims, "name");
            var picture = String(claims, "picture");
            if (email is null && endpoints.UserInfo is { } userInfoUrl)
            {
                // The ID token names the person; the email may only be at the user-info endpoint.
                var info = await GetJsonAsync(provider, userInfoUrl, tokens.AccessToken!, cancellationToken);
                if (info is { } extra && String(extra, "sub") == subject)
                {
                    email = String(extra, "email");
                    verified = Bool(extra, "email_verified");
                    name ??= String(extra, "name");
                    picture ??= String(extra, "picture");
                }
            }

            return new ProviderIdentity(issuer, subject, email, verified, name, picture, tokens);
        }

        if (endpoints.Configuration is not null && tokens.IdToken is null && (tokens.Scope?.Contains("openid", StringComparison.Ordinal) ?? true)
            && provider.Settings.EffectiveScopes(provider.Id).Contains("openid"))
        {
            return null; // an OpenID Connect provider asked for openid must send an ID token
        }

        if (endpoints.UserInfo is not { } userInfo)
        {
            return null;
        }

        var profile = await GetJsonAsync(provider, userInfo, tokens.AccessToken!, cancellationToken);
        if (profile is not { } p)
        {
            return null;
        }

        var localIssuer = endpoints.Configuration?.Issuer ?? $"local:oauth:{Uri.EscapeDataString(provider.Id)}";
        if (provider.Type == SocialProviderType.GitHub)
        {
            var id = p.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number ? idElement.GetRawText() : null;
            if (id is null)
            {
                return null;
            }

            var (email, verified) = await GitHubPrimaryEmailAsync(provider, endpoints.UserInfo!, tokens.AccessToken!, cancellationToken);
            return new ProviderIdentity(localIssuer, id, email, verified, String(p, "name") ?? String(p, "login"), String(p, "avatar_url"), tokens);
        }

        var sub = String(p, "sub") ?? (p.TryGetProperty("id", out var raw) ? (raw.ValueKind == JsonValueKind.String ? raw.GetString() : raw.GetRawText()) : null);
        return sub is null ? null : new ProviderIdentity(localIssuer, sub, String(p, "email"), Bool(p, "email_verified"), String(p, "name"), String(p, "picture"), tokens);
    }

    private async Task<(string Issuer, JsonElement Claims)?> ValidateIdTokenAsync(Provider provider, OpenIdConnectConfiguration configuration, string idToken, string nonce)
    {
        var parameters = new TokenValidationParameters
        {
            ValidAudience = provider.Settings.ClientId,
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"],
        };
        if (configuration.Issuer.Contains("{tenantid}", StringComparison.Ordinal))
        {
            // Microsoft Entra's multi-tenant endpoints name the issuer with a placeholder for the token's tenant.
            parameters.IssuerValidator = (issuer, token, _) =>
                token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid)
                && issuer == configuration.Issuer.Replace("{tenantid}", tid, StringComparison.Ordinal)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException("The issuer does not match the token's tenant.");
        }

        var result = await _tokens.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys: read them again (rate-limited by RefreshInterval) and retry once.
            provider.Configuration!.RequestRefresh();
            var refreshed = await provider.Configuration.GetConfigurationAsync(CancellationToken.None);
            parameters.IssuerSigningKeys = refreshed.SigningKeys;
            result = await _tokens.ValidateTokenAsync(idToken, parameters);
        }

        if (!result.IsValid)
        {
            LogIdTokenRejected(_logger, provider.Id, result.Exception?.GetType().Name ?? "invalid");
            return null;
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("nonce", out var presented)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(nonce)))
        {
            LogIdTokenRejected(_logger, provider.Id, "nonce mismatch");
            return null;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        return (jwt.Issuer, payload.RootElement.Clone());
    }

    private async Task<JsonElement?> GetJsonAsync(Provider provider, string url, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            using var client = _http.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("AuthPlatform", "1.0"));
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogUserInfoRefused(_logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogProviderUnreachable(_logger, provider.Id, ex.GetType().Name);
            return null;
        }
    }

    private async Task<(string? Email, bool Verified)> GitHubPrimaryEmailAsync(Provider provider, string userUrl, string accessToken, CancellationToken cancellationToken)
    {
        var emails = await GetJsonAsync(provider, userUrl.TrimEnd('/') + "/emails", accessToken, cancellationToken);
        if (emails is not { ValueKind: JsonValueKind.Array } list)
        {
            return (null, false);
        }

        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && Bool(entry, "primary"))
            {
                return (String(entry, "email"), Bool(entry, "verified"));
            }
        }

        return (null, false);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) switch
        {
            true when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n > 0 => n,
            true when value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 => s,
            _ => null,
        };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: its discovery document or keys could not be read ({Reason})")]
    private static partial void LogDiscoveryFailed(ILogger logger, string providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: the token endpoint answered {Status}")]
    private static partial void LogTokenEndpointRefused(ILogger logger, string providerId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: the user-info endpoint answered {Status}")]
    private static partial void LogUserInfoRefused(ILogger logger, string providerId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId} did not answer ({Reason})")]
    private static partial void LogProviderUnreachable(ILogger logger, string providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: ID token refused ({Reason})")]
    private static partial void LogIdTokenRejected(ILogger logger, string providerId, string reason);

    private sealed record Provider(string Id, SocialProviderOptions Settings, SocialProviderType Type, ConfigurationManager<OpenIdConnectConfiguration>? Configuration);

    private sealed record Endpoints(string? Authorization, string? Token, string? UserInfo, OpenIdConnectConfiguration? Configuration);

    private sealed record TokenResponse(ProviderTokenSet Tokens);
}
