using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Testing;

/// <summary>The OAuth server's requests as a client and a browser send them (docs/oauth.md): PKCE, the authorization URL, the token endpoint.</summary>
public static class OAuthApi
{
    public const string RedirectUri = "https://app.example.com/callback";

    /// <summary>Registers a client as the operator command does; its id, and its secret when confidential.</summary>
    public static async Task<RegisteredOAuthClient> RegisterOAuthClientAsync(this AuthApiFactory factory, IReadOnlyList<string> grants,
        bool firstParty = false, string type = RegisterOAuthClientCommand.Public, IReadOnlyList<string>? postLogoutRedirectUris = null,
        string name = "Web app")
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterOAuthClientCommand(
            name, type, grants.Contains(RegisterOAuthClientCommand.AuthorizationCode) ? [RedirectUri] : [], postLogoutRedirectUris ?? [],
            grants, ["openid", "profile", "email", "offline_access"], [], firstParty));
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string challenge, string redirectUri = RedirectUri, string scope = "openid profile email", string? nonce = null, string? prompt = null) =>
        $"/api/auth/oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        $"&scope={Uri.EscapeDataString(scope)}&state=xyz&code_challenge={challenge}&code_challenge_method=S256" +
        (nonce is null ? "" : $"&nonce={nonce}") + (prompt is null ? "" : $"&prompt={prompt}");

    /// <summary>A browser's GET with the session cookie (a navigation: no Origin).</summary>
    public static HttpRequestMessage Navigate(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The code in a redirect back to <see cref="RedirectUri"/>, after checking the state came back.</summary>
    public static string CodeFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        if (!location.AbsoluteUri.StartsWith(RedirectUri + "?", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Not a redirect to the client: {location}");
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        return query["state"] == "xyz" ? query["code"].ToString() : throw new InvalidOperationException("The state did not come back.");
    }

    public static Task<HttpResponseMessage> ExchangeAsync(this HttpClient http, string clientId, string code, string? verifier)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", RedirectUri), new("client_id", clientId),
        };
        if (verifier is not null)
        {
            fields.Add(new("code_verifier", verifier));
        }

        return http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient http, string clientId, string refreshToken) =>
        http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent(
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", clientId)]));
}
