using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// set-auth-jwt is issued only for a session the store has just confirmed. A cookie-cache answer may show
/// a revoked session for up to MaxAge (docs/security.md, "Cookie cache"); a JWT minted from it would
/// outlive the revocation at every resource server, so the cached answer carries none.
/// </summary>
[Trait("Tier", "fast")]
public sealed class CookieCacheJwtTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_revoked_session_answered_from_the_cache_cookie_gets_no_jwt()
    {
        await using var host = SecurityHost.Create(database, fakeClock: true);
        host.Settings["Auth:Session:CookieCache:Enabled"] = "true";
        var client = host.CreatePlainClient();
        var device = await client.SignUpAsync();
        var cache = device.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("better-auth.session_data=", StringComparison.Ordinal));
        var jar = device.Cookie + "; " + cache.Split(';')[0];

        // Store-confirmed: the JWT comes with the session.
        var confirmed = await client.GetSessionAsync(device.Cookie);
        Assert.Equal(device.UserId, (await confirmed.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.NotNull(confirmed.Header("set-auth-jwt"));

        var other = await client.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", other.Cookie, new { token = device.Token }))).StatusCode);

        var cached = await client.GetSessionAsync(jar);

        Assert.Equal(device.UserId, (await cached.JsonAsync())!["user"]!["id"]!.GetValue<string>()); // the cache's documented bound
        Assert.Null(cached.Header("set-auth-jwt"));
    }
}
