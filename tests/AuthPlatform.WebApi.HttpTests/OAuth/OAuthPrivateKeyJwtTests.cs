using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Admin;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// private_key_jwt client authentication (RFC 7523, ADR 0140): a confidential client registered with its public JWKS
/// (no secret) gets tokens with an assertion signed by its private key; an assertion signed by another key, expired,
/// used twice or addressed to another audience is invalid_client, never a token and never a 500.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthPrivateKeyJwtTests(TestDatabase database) : IAsyncLifetime
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString) { TestServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(_logs) };
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync()
    {
        _key.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_client_registered_with_its_jwks_gets_no_secret_and_a_token_for_a_signed_assertion()
    {
        var client = await RegisterAsync(Jwks(_key));
        Assert.Null(client.ClientSecret);

        var response = await TokenAsync(client.ClientId, Assertion(client.ClientId, _key));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{_logs.AllText}");
        Assert.Equal(client.ClientId, new JsonWebToken((await response.JsonAsync())!["access_token"]!.GetValue<string>()).Subject);
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_expired_replayed_or_for_another_audience_is_invalid_client()
    {
        var client = await RegisterAsync(Jwks(_key));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await AssertInvalidClientAsync(await TokenAsync(client.ClientId, Assertion(client.ClientId, other)));
        var now = DateTime.UtcNow;
        await AssertInvalidClientAsync(await TokenAsync(client.ClientId, Assertion(client.ClientId, _key, issuedAt: now.AddMinutes(-20), expires: now.AddMinutes(-10))));
        await AssertInvalidClientAsync(await TokenAsync(client.ClientId, Assertion(client.ClientId, _key, audience: "https://elsewhere.example.com/token")));

        var once = Assertion(client.ClientId, _key);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client.ClientId, once)).StatusCode);
        await AssertInvalidClientAsync(await TokenAsync(client.ClientId, once));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client.ClientId, Assertion(client.ClientId, _key))).StatusCode); // a new jti works
    }

    [Fact]
    public async Task Discovery_advertises_private_key_jwt_at_the_token_endpoint()
    {
        var json = (await (await _http.GetAsync("/.well-known/openid-configuration")).JsonAsync())!;

        Assert.Contains("private_key_jwt", json["token_endpoint_auth_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task The_admin_api_registers_a_private_key_jwt_client_and_refuses_a_private_key_or_no_jwks()
    {
        var admin = await _http.SignUpAsync("adm@example.com");
        await database.MakeAdminAsync(admin.UserId);

        var created = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie, new
        {
            client_name = "Signed job", token_endpoint_auth_method = "private_key_jwt", grant_types = new[] { "client_credentials" },
            jwks = JsonDocument.Parse(Jwks(_key)).RootElement,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = (await created.JsonAsync())!;
        Assert.Null(body["client_secret"]);
        var clientId = body["client_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clientId, Assertion(clientId, _key))).StatusCode);

        var withPrivate = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie, new
        {
            client_name = "Leaky", token_endpoint_auth_method = "private_key_jwt", grant_types = new[] { "client_credentials" },
            jwks = JsonDocument.Parse(Jwks(_key, includePrivate: true)).RootElement,
        });
        await withPrivate.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var without = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie, new
        {
            client_name = "No keys", token_endpoint_auth_method = "private_key_jwt", grant_types = new[] { "client_credentials" },
        });
        await without.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private async Task<RegisteredOAuthClient> RegisterAsync(string jwks)
    {
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterOAuthClientCommand(
            "Signed worker", RegisterOAuthClientCommand.Confidential, [], [], [RegisterOAuthClientCommand.ClientCredentials], [], [], FirstParty: true, Jwks: jwks));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private Task<HttpResponseMessage> TokenAsync(string clientId, string assertion) =>
        _http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent([
            new("grant_type", "client_credentials"), new("client_id", clientId),
            new("client_assertion_type", AssertionType), new("client_assertion", assertion)]));

    private static string Assertion(string clientId, ECDsa key, string? audience = null, DateTime? issuedAt = null, DateTime? expires = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            TokenType = "client-authentication+jwt", // draft-ietf-oauth-rfc7523bis, which OpenIddict 7 requires
            Audience = audience ?? TestSettings.BaseUrl, // the issuer, as discovery writes it
            IssuedAt = now,
            NotBefore = now,
            Expires = expires ?? now.AddMinutes(2),
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static string Jwks(ECDsa key, bool includePrivate = false)
    {
        var parameters = key.ExportParameters(includePrivate);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["kid"] = "k1", ["use"] = "sig", ["alg"] = "ES256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X), ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
        };
        if (includePrivate)
        {
            jwk["d"] = Base64Url.EncodeToString(parameters.D);
        }

        return JsonSerializer.Serialize(new { keys = new[] { jwk } });
    }

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
        Assert.Equal("invalid_client", (await response.JsonAsync())!["error"]!.GetValue<string>());
    }
}
