using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// The OAuth server's service-to-service side (ADR 0140): discovery, the client-credentials grant, introspection
/// (RFC 7662), revocation (RFC 7009), and access tokens whose audience is the resource asked for (RFC 8707),
/// signed by the key ring and verifiable against the one JWKS.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthClientCredentialsTests(TestDatabase database) : IAsyncLifetime
{
    private const string Orders = "https://orders.example.com";
    private const string Billing = "https://billing.example.com";
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Discovery_names_the_oauth_endpoints_the_issuer_and_the_one_jwks_at_both_addresses()
    {
        var client = _factory.CreatePlainClient();
        foreach (var path in new[] { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = (await response.JsonAsync())!;
            Assert.Equal(TestSettings.BaseUrl, json["issuer"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/.well-known/jwks.json", json["jwks_uri"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/token", json["token_endpoint"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/introspect", json["introspection_endpoint"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/revoke", json["revocation_endpoint"]!.GetValue<string>());
            Assert.Equal(["S256"], Strings(json["code_challenge_methods_supported"]));
            Assert.Contains("client_credentials", Strings(json["grant_types_supported"]));
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/authorize", json["authorization_endpoint"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/end-session", json["end_session_endpoint"]!.GetValue<string>());
            Assert.Equal(TestSettings.BaseUrl + "/api/auth/oauth2/device-authorization", json["device_authorization_endpoint"]!.GetValue<string>());
            Assert.Contains("urn:ietf:params:oauth:grant-type:device_code", Strings(json["grant_types_supported"]));
            Assert.Equal(["urn:authplatform:acr:mfa", "0"], Strings(json["acr_values_supported"])); // the two values ID tokens carry
        }
    }

    [Fact]
    public async Task A_client_credentials_token_is_an_at_jwt_for_the_resource_asked_for_signed_by_the_published_key()
    {
        var (clientId, secret) = await RegisterServiceAsync(Orders, Billing);

        var response = await TokenAsync(clientId, secret, ("resource", Orders));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.JsonAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.InRange(body["expires_in"]!.GetValue<long>(), 15 * 60 - 5, 15 * 60); // the JWT lifetime the key ring's retention assumes
        var token = body["access_token"]!.GetValue<string>();
        var jwt = new JsonWebToken(token);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(TestSettings.BaseUrl, jwt.Issuer);
        Assert.Equal([Orders], jwt.Audiences);
        Assert.Equal(clientId, jwt.Subject);

        // Verifies against the service's one JWKS for its own audience, and is refused by another service.
        Assert.True((await ValidateAsync(token, Orders)).IsValid);
        var elsewhere = await ValidateAsync(token, Billing);
        Assert.False(elsewhere.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(elsewhere.Exception);
    }

    [Fact]
    public async Task Without_a_resource_the_token_is_for_the_clients_resources_and_a_resource_it_may_not_use_is_refused()
    {
        var (clientId, secret) = await RegisterServiceAsync(Orders);

        var defaulted = new JsonWebToken((await (await TokenAsync(clientId, secret)).JsonAsync())!["access_token"]!.GetValue<string>());
        Assert.Equal([Orders], defaulted.Audiences);

        var refused = await TokenAsync(clientId, secret, ("resource", Billing));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.JsonAsync())!;
        Assert.Equal("invalid_request", error["error"]!.GetValue<string>()); // OpenIddict's code for a resource outside the client's permissions
        Assert.Contains("resource", error["error_description"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client()
    {
        var (clientId, _) = await RegisterServiceAsync(Orders);

        var response = await TokenAsync(clientId, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.JsonAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_reports_a_live_token_and_after_revocation_reports_it_inactive()
    {
        var (clientId, secret) = await RegisterServiceAsync(Orders);
        var token = (await (await TokenAsync(clientId, secret)).JsonAsync())!["access_token"]!.GetValue<string>();

        var live = (await (await PostFormAsync("/api/auth/oauth2/introspect", clientId, secret, ("token", token))).JsonAsync())!;
        Assert.True(live["active"]!.GetValue<bool>());
        Assert.Equal(clientId, live["client_id"]!.GetValue<string>());
        Assert.Equal(clientId, live["sub"]!.GetValue<string>());

        var revoked = await PostFormAsync("/api/auth/oauth2/revoke", clientId, secret, ("token", token));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var after = (await (await PostFormAsync("/api/auth/oauth2/introspect", clientId, secret, ("token", token))).JsonAsync())!;
        Assert.False(after["active"]!.GetValue<bool>());
    }

    private async Task<(string ClientId, string Secret)> RegisterServiceAsync(params string[] resources)
    {
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterOAuthClientCommand(
            "Orders worker", RegisterOAuthClientCommand.Confidential, [], [], [RegisterOAuthClientCommand.ClientCredentials], ["orders.read"], resources, FirstParty: true));
        Assert.True(result.IsSuccess);
        return (result.Value.ClientId, result.Value.ClientSecret!);
    }

    private Task<HttpResponseMessage> TokenAsync(string clientId, string secret, params (string Name, string Value)[] extra) =>
        PostFormAsync("/api/auth/oauth2/token", clientId, secret, [("grant_type", "client_credentials"), .. extra]);

    private async Task<HttpResponseMessage> PostFormAsync(string path, string clientId, string secret, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
        return await _factory.CreatePlainClient().SendAsync(request);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, string audience)
    {
        var jwks = new JsonWebKeySet(await _factory.CreatePlainClient().GetStringAsync("/api/auth/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TestSettings.BaseUrl,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(a => a!.GetValue<string>()).ToList();
}
