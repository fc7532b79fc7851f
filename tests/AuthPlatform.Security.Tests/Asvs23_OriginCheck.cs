using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 3.5.1: a state-changing request that carries the session cookie must come from a trusted origin:
/// another origin is 403 INVALID_ORIGIN, none or "null" is 403 MISSING_OR_NULL_ORIGIN, the base URL's
/// origin and each AUTH_TRUSTED_ORIGINS entry pass (exactly), Referer is the fallback, and a request with
/// only a bearer token needs no origin.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs23_OriginCheck(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
        _factory.Settings["Auth:TrustedOrigins"] = "https://app.example.com";
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string> StateChangingRoutes => ["sign-out", "update-user", "revoke-other-sessions", "revoke-session", "change-password"];

    [Theory]
    [MemberData(nameof(StateChangingRoutes))]
    public async Task Another_origin_is_refused(string route)
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, route, session.Cookie, new { name = "Eve" }, origin: "https://evil.example"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(session.Cookie)).StatusCode);
        Assert.Equal("Ann", await database.ScalarAsync<string>("select name from users"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task A_missing_or_null_origin_is_refused(string? origin)
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, new { name = "Eve" }, origin: origin));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "MISSING_OR_NULL_ORIGIN");
        Assert.Equal("Ann", await database.ScalarAsync<string>("select name from users"));
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("https://app.example.com")]
    [InlineData("HTTPS://APP.EXAMPLE.COM")]
    public async Task A_trusted_origin_passes(string origin)
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, new { name = "Annie" }, origin: origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Annie", await database.ScalarAsync<string>("select name from users"));
    }

    [Theory]
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("https://app.example.com:8443")]
    [InlineData("http://app.example.com")]
    [InlineData("https://sub.app.example.com")]
    public async Task Near_misses_are_not_trusted(string origin)
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, new { name = "Eve" }, origin: origin));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");
    }

    [Fact]
    public async Task Referer_is_the_fallback_when_origin_is_absent()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var trusted = AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, new { name = "Annie" }, origin: null);
        trusted.Headers.Referrer = new Uri("https://app.example.com/settings/profile");
        var evil = AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, new { name = "Eve" }, origin: null);
        evil.Headers.Referrer = new Uri("https://evil.example/attack");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(trusted)).StatusCode);
        await (await client.SendAsync(evil)).AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");
    }

    [Fact]
    public async Task A_bearer_only_request_needs_no_origin()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithBearer(HttpMethod.Post, "update-user", session.Token, new { name = "Annie" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
