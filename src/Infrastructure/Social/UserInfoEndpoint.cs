using System.Net.Http.Headers;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// The user-info stage: the provider's user-info endpoint asked with the access token. It names the
/// person for a plain OAuth 2.0 provider (<c>sub</c>, or <c>id</c>), and completes an ID token that
/// carries no email. A refusal, a timeout or bad JSON is null; only the status or the exception's type is logged.
/// </summary>
internal sealed class UserInfoEndpoint(IHttpClientFactory http, ILogger logger)
{
    /// <summary>A plain OAuth 2.0 provider's person: <c>sub</c> (or <c>id</c>), email, email_verified, name, picture.</summary>
    public async Task<ProviderIdentity?> ProfileAsync(ConfiguredProvider provider, string url, string issuer, ProviderTokenSet tokens, CancellationToken cancellationToken)
    {
        if (await GetJsonAsync(provider, url, tokens.AccessToken!, cancellationToken) is not { } profile)
        {
            return null;
        }

        var subject = ProviderJson.String(profile, "sub")
            ?? (ProviderJson.Member(profile, "id", out var id) ? (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()) : null);
        return subject is null
            ? null
            : new ProviderIdentity(issuer, subject, ProviderJson.String(profile, "email"), ProviderJson.Bool(profile, "email_verified"),
                ProviderJson.String(profile, "name"), ProviderJson.String(profile, "picture"), tokens);
    }

    /// <summary>The ID token names the person; its email may only be at the user-info endpoint (taken for the same subject only).</summary>
    public async Task<ProviderIdentity> CompleteAsync(ConfiguredProvider provider, string url, ProviderIdentity identity, CancellationToken cancellationToken)
    {
        if (await GetJsonAsync(provider, url, identity.Tokens.AccessToken!, cancellationToken) is not { } info || ProviderJson.String(info, "sub") != identity.Subject)
        {
            return identity;
        }

        return identity with
        {
            Email = ProviderJson.String(info, "email"),
            EmailVerified = ProviderJson.Bool(info, "email_verified"),
            Name = identity.Name ?? ProviderJson.String(info, "name"),
            Image = identity.Image ?? ProviderJson.String(info, "picture"),
        };
    }

    /// <summary>GET <paramref name="url"/> with the access token: a JSON object or array, else null.</summary>
    public async Task<JsonElement?> GetJsonAsync(ConfiguredProvider provider, string url, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            using var client = http.CreateClient(IdentityProviders.HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("AuthPlatform", "1.0"));
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                ProviderLog.UserInfoRefused(logger, provider.Id, (int)response.StatusCode);
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ProviderLog.ProviderUnreachable(logger, provider.Id, ex.GetType().Name);
            return null;
        }
    }
}
