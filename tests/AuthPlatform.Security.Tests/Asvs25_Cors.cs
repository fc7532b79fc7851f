using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 3.4.2: CORS answers only trusted origins, echoing the exact origin with credentials (never "*"),
/// with Vary: Origin, the methods and headers BetterAuth's client uses, and set-auth-token / set-auth-jwt
/// exposed (on sign-up and on a get-session that carries a JWT). State-changing routes refuse GET (3.5.3).
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs25_Cors(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
        _factory.Settings["Auth:TrustedOrigins"] = "https://app.example.com";
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static HttpRequestMessage Preflight(string origin, string route = "sign-in/email") => new(HttpMethod.Options, "/api/auth/" + route)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "content-type,authorization" },
        },
    };

    [Fact]
    public async Task A_preflight_from_an_untrusted_origin_gets_no_allow_origin()
    {
        var response = await _factory.CreatePlainClient().SendAsync(Preflight("https://evil.example"));

        Assert.Null(response.Header("Access-Control-Allow-Origin"));
        Assert.Null(response.Header("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("http://localhost")]
    public async Task A_preflight_from_a_trusted_origin_is_answered_exactly(string origin)
    {
        var response = await _factory.CreatePlainClient().SendAsync(Preflight(origin));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(origin, response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Header("Access-Control-Allow-Credentials"));
        Assert.Contains("POST", response.Header("Access-Control-Allow-Methods"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-type", response.Header("Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("authorization", response.Header("Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", response.Header("Vary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actual_response_echoes_the_origin_and_exposes_the_token_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-up/email")
        {
            Content = AuthApi.Json("""{"name":"Ann","email":"ann@example.com","password":"correct horse battery staple"}"""),
            Headers = { { "Origin", "https://app.example.com" } },
        };

        var response = await _factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://app.example.com", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Header("Access-Control-Allow-Credentials"));
        Assert.Contains("set-auth-token", response.Header("Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("set-auth-jwt", response.Header("Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", response.Header("Vary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_origin_get_session_lets_scripts_read_the_jwt_and_token_headers_it_carries()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var request = AuthApi.WithCookie(HttpMethod.Get, "get-session", session.Cookie, origin: "https://app.example.com");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Header("set-auth-jwt"));
        Assert.Equal("https://app.example.com", response.Header("Access-Control-Allow-Origin"));
        var exposed = (response.Header("Access-Control-Expose-Headers") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("set-auth-jwt", exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("set-auth-token", exposed, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://app.example.com")]
    [InlineData(null)]
    public async Task Allow_origin_is_never_a_wildcard(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/ok");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await _factory.CreatePlainClient().SendAsync(request);

        Assert.NotEqual("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Header("Vary"), StringComparison.Ordinal);
        if (origin != "https://app.example.com")
        {
            Assert.Null(response.Header("Access-Control-Allow-Origin"));
        }
    }

    [Theory]
    [InlineData("sign-in/email")]
    [InlineData("sign-up/email")]
    [InlineData("sign-out")]
    [InlineData("change-password")]
    [InlineData("update-user")]
    [InlineData("revoke-session")]
    [InlineData("revoke-sessions")]
    [InlineData("revoke-other-sessions")]
    public async Task State_changing_routes_refuse_get(string route)
    {
        var response = await _factory.CreatePlainClient().GetAsync("/api/auth/" + route);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
