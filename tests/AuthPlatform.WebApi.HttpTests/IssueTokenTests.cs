using System.Net;
using System.Net.Http.Headers;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Issue-token (GET /token, and the set-auth-jwt header of get-session): a JWT for a live session, 401 without one.</summary>
[Trait("Tier", "fast")]
public sealed class IssueTokenTests(TestDatabase database) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString)
        {
            UseFakeClock = true,
            TestServices = services => services.AddSingleton<ILogEventSink>(_logs),
        };
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_live_session_gets_a_token_with_the_specified_header_and_claims()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync(name: "Ann Example");
        var now = _factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Cookie", session.Cookie } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var jwt = (await response.JsonAsync())!["token"]!.GetValue<string>();

        var header = TokenApi.Header(jwt);
        Assert.Equal(["alg", "kid", "typ"], header.Select(m => m.Key));
        Assert.Equal(("ES256", "at+jwt"), (header["alg"]!.GetValue<string>(), header["typ"]!.GetValue<string>()));
        var claims = TokenApi.Payload(jwt);
        Assert.Equal(["aud", "email", "email_verified", "exp", "iat", "iss", "jti", "name", "nbf", "sid", "sub"], claims.Select(m => m.Key).Order());
        Assert.Equal(TestSettings.BaseUrl, claims["iss"]!.GetValue<string>());
        Assert.Equal([TestSettings.BaseUrl], claims["aud"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(session.UserId, claims["sub"]!.GetValue<string>());
        Assert.Equal(("ann@example.com", false, "Ann Example"), (claims["email"]!.GetValue<string>(), claims["email_verified"]!.GetValue<bool>(), claims["name"]!.GetValue<string>()));
        Assert.Equal((now, now, now + 900), (claims["iat"]!.GetValue<long>(), claims["nbf"]!.GetValue<long>(), claims["exp"]!.GetValue<long>()));
        Assert.True(TokenApi.VerifiesWith(jwt, await client.GetJwksKeysAsync()));

        var again = TokenApi.Payload(await client.GetTokenAsync(session.Token));
        Assert.NotEqual(claims["jti"]!.GetValue<string>(), again["jti"]!.GetValue<string>());
        Assert.Equal(claims["sid"]!.GetValue<string>(), again["sid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_live_session_token_is_401_with_the_reason_logged()
    {
        var client = _factory.CreatePlainClient();
        var revoked = await client.SignUpAsync("revoked@example.com");
        var expired = await client.SignUpAsync("expired@example.com", password: AuthApi.Password);
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Headers = { { "Authorization", "Bearer " + revoked.Token } } });

        var none = await client.GetAsync("/api/auth/token");
        var afterSignOut = await client.GetTokenResponseAsync(revoked.Token);
        _factory.Clock.Advance(TimeSpan.FromDays(8));
        var afterExpiry = await client.GetTokenResponseAsync(expired.Token);
        var garbage = await client.GetTokenResponseAsync("not-a-session-token");

        foreach (var response in new[] { none, afterSignOut, afterExpiry, garbage })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("UNAUTHORIZED", (await response.JsonAsync())!["code"]!.GetValue<string>());
        }

        Assert.Equal(["bad_format", "expired", "no_credential", "revoked"], _logs.RejectionReasons.Distinct().Order());
    }

    [Fact]
    public async Task Get_session_sends_set_auth_jwt_unless_switched_off()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var jwt = (await client.GetSessionAsync(session.Cookie)).Header("set-auth-jwt");
        Assert.NotNull(jwt);
        Assert.Equal(session.UserId, TokenApi.Payload(jwt)["sub"]!.GetValue<string>());
        Assert.Null((await client.GetAsync("/api/auth/get-session")).Header("set-auth-jwt"));

        await using var off = new AuthApiFactory(database.ConnectionString);
        off.Settings["Auth:Jwt:SetJwtHeaderOnGetSession"] = "false";
        var response = await off.CreatePlainClient().GetSessionAsync(session.Cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("set-auth-jwt"));
    }
}
