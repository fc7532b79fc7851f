using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 7.3.1: a session unused for longer than the sliding window (7 days) no longer authenticates.</summary>
[Trait("Tier", "fast")]
public sealed class Asvs15_IdleTimeout(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_idle_session_expires()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithBearer(HttpMethod.Get, "list-sessions", session.Token))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await (await client.ListSessionsAsync(session.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
