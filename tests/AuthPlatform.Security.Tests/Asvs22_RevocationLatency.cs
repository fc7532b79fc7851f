using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// Checklist item 22: with the cookie cache off (the default; CookieCacheTests covers it on) every request reads the store, so a revocation
/// takes effect on the very next request, on every instance.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs22_RevocationLatency(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_revocation_on_one_instance_is_seen_at_once_by_another()
    {
        await using var first = SecurityHost.Create(database);
        await using var second = SecurityHost.Create(database);
        var one = first.CreatePlainClient();
        var two = second.CreatePlainClient();
        var kept = await one.SignUpAsync();
        var revoked = await one.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await two.ListSessionsAsync(revoked.Cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await one.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", kept.Cookie))).StatusCode);

        await (await two.ListSessionsAsync(revoked.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("null", await (await two.GetSessionAsync(revoked.Cookie)).Content.ReadAsStringAsync());
        Assert.Null((await two.GetSessionAsync(kept.Cookie)).Headers.Age);
        Assert.Equal("no-store", (await two.GetSessionAsync(kept.Cookie)).Headers.CacheControl?.ToString());
    }
}
