using System.Net.Http.Headers;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// The code redemption stage, and the refresh grant: a form posted to the provider's token endpoint with
/// the client's id and secret (<c>client_secret_post</c>). A refusal, a timeout or an answer without an
/// access token is null; only the status or the exception's type is logged.
/// </summary>
internal sealed class TokenEndpoint(IHttpClientFactory http, TimeProvider clock, ILogger logger)
{
    public Task<ProviderTokenSet?> RedeemCodeAsync(ConfiguredProvider provider, string endpoint, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
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

        return PostAsync(provider, endpoint, form, cancellationToken);
    }

    public Task<ProviderTokenSet?> RefreshAsync(ConfiguredProvider provider, string endpoint, string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(provider, endpoint,
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", provider.Settings.ClientId!),
            new("client_secret", provider.Settings.ClientSecret!),
        ], cancellationToken);

    private async Task<ProviderTokenSet?> PostAsync(ConfiguredProvider provider, string endpoint, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        try
        {
            using var client = http.CreateClient(IdentityProviders.HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                ProviderLog.TokenEndpointRefused(logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || ProviderJson.String(root, "access_token") is not { } accessToken || ProviderJson.String(root, "error") is not null)
            {
                ProviderLog.TokenEndpointRefused(logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            var now = clock.GetUtcNow();
            var expiresIn = ProviderJson.Number(root, "expires_in");
            var refreshExpiresIn = ProviderJson.Number(root, "refresh_token_expires_in");
            return new ProviderTokenSet(
                accessToken,
                ProviderJson.String(root, "refresh_token"),
                ProviderJson.String(root, "id_token"),
                expiresIn is { } e ? now.AddSeconds(e) : null,
                refreshExpiresIn is { } r ? now.AddSeconds(r) : null,
                ProviderJson.String(root, "scope")?.Replace(' ', ','));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ProviderLog.ProviderUnreachable(logger, provider.Id, ex.GetType().Name);
            return null;
        }
    }
}
