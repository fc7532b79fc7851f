using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591, ADR 0140): off by default (404, not in discovery); on, a client registers
/// itself with exact redirect URIs and completes a code + PKCE flow (with the user's consent: never first-party);
/// metadata outside the operator's limits is 400 invalid_redirect_uri or invalid_client_metadata; an initial access
/// token, when configured, is required.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthDynamicRegistrationTests(TestDatabase database) : IAsyncLifetime
{
    private const string ConsentPage = "https://app.example.com/consent";
    private const string InitialAccessToken = "an-initial-access-token-of-at-least-32-characters";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Off_by_default_the_route_is_404_and_discovery_does_not_name_it()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var http = factory.CreatePlainClient();

        var response = await http.PostAsJsonAsync("/api/auth/oauth2/register", PublicClient());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await (await http.GetAsync("/.well-known/openid-configuration")).JsonAsync())!["registration_endpoint"]);
    }

    [Fact]
    public async Task A_registered_public_client_completes_a_code_flow_with_pkce_after_the_users_consent()
    {
        await using var factory = Enabled();
        var http = factory.CreatePlainClient();
        var discovery = (await (await http.GetAsync("/.well-known/oauth-authorization-server")).JsonAsync())!;
        Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/register", discovery["registration_endpoint"]!.GetValue<string>());

        var registered = await http.PostAsJsonAsync("/api/auth/oauth2/register", PublicClient());

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = (await registered.JsonAsync())!;
        Assert.Null(client["client_secret"]);
        Assert.Equal("none", client["token_endpoint_auth_method"]!.GetValue<string>());
        Assert.Equal([RedirectUri], client["redirect_uris"]!.AsArray().Select(u => u!.GetValue<string>()));
        var clientId = client["client_id"]!.GetValue<string>();

        var user = await http.SignUpAsync("dyn@example.com");
        var (verifier, challenge) = Pkce();
        var toConsent = await http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid"), user.Cookie));
        var consentCode = QueryHelpers.ParseQuery(toConsent.Headers.Location!.Query)["consent_code"].ToString();
        Assert.StartsWith(ConsentPage, toConsent.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var answer = await http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/consent", user.Cookie, new { accept = true, consent_code = consentCode }));
        var resume = (await answer.JsonAsync())!["url"]!.GetValue<string>();
        var code = CodeFrom(await http.SendAsync(Navigate(resume, user.Cookie)));

        var tokens = await http.ExchangeAsync(clientId, code, verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.NotNull((await tokens.JsonAsync())!["id_token"]);

        // PKCE is required for it as for every client.
        var withoutPkce = await http.SendAsync(Navigate(
            $"/api/auth/oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid&state=s", user.Cookie));
        Assert.Equal(HttpStatusCode.BadRequest, withoutPkce.StatusCode);
    }

    [Fact]
    public async Task Metadata_outside_the_limits_is_400_with_rfc_7591_error_codes()
    {
        await using var factory = Enabled();
        var http = factory.CreatePlainClient();

        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { client_name = "Evil", token_endpoint_auth_method = "none", redirect_uris = new[] { "http://evil.example.com/cb" } }), "invalid_redirect_uri");
        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { client_name = "No redirect", token_endpoint_auth_method = "none" }), "invalid_redirect_uri");
        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { client_name = "Service", grant_types = new[] { "client_credentials" } }), "invalid_client_metadata"); // not allowed by the operator
        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { client_name = "Odd", token_endpoint_auth_method = "tls_client_auth", redirect_uris = new[] { RedirectUri } }), "invalid_client_metadata");
        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { client_name = "Greedy", token_endpoint_auth_method = "none", redirect_uris = new[] { RedirectUri }, scope = "openid admin.all" }), "invalid_client_metadata");
        await AssertErrorAsync(await http.PostAsJsonAsync("/api/auth/oauth2/register",
            new { token_endpoint_auth_method = "none", redirect_uris = new[] { RedirectUri } }), "invalid_client_metadata");
    }

    [Fact]
    public async Task With_an_initial_access_token_configured_registration_needs_it()
    {
        await using var factory = Enabled(token: InitialAccessToken);
        var http = factory.CreatePlainClient();

        var without = await http.PostAsJsonAsync("/api/auth/oauth2/register", PublicClient());
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("invalid_token", (await without.JsonAsync())!["error"]!.GetValue<string>());

        var wrong = await RegisterWithTokenAsync(http, "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var confidential = await RegisterWithTokenAsync(http, InitialAccessToken);
        Assert.Equal(HttpStatusCode.Created, confidential.StatusCode);
        var client = (await confidential.JsonAsync())!;
        Assert.False(string.IsNullOrEmpty(client["client_secret"]!.GetValue<string>()));
        Assert.Equal(0, client["client_secret_expires_at"]!.GetValue<long>());
    }

    private AuthApiFactory Enabled(string? token = null)
    {
        var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:OAuth:AllowDynamicClientRegistration"] = "true";
        factory.Settings["Auth:OAuth:ConsentPage"] = ConsentPage;
        if (token is not null)
        {
            factory.Settings["Auth:OAuth:ClientRegistrationToken"] = token;
        }

        return factory;
    }

    private static object PublicClient() => new
    {
        client_name = "Someone's SPA", token_endpoint_auth_method = "none", redirect_uris = new[] { RedirectUri },
        grant_types = new[] { "authorization_code", "refresh_token" }, scope = "openid profile offline_access",
    };

    private static Task<HttpResponseMessage> RegisterWithTokenAsync(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/oauth2/register")
        {
            Content = JsonContent.Create(new { client_name = "Server app", redirect_uris = new[] { RedirectUri } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal(error, JsonNode.Parse(body)!["error"]!.GetValue<string>());
    }
}
