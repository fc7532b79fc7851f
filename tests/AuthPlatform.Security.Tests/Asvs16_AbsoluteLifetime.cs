using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 7.3.2: a session used every day still ends 30 days after it was created (BetterAuth has no such cap).</summary>
[Trait("Tier", "fast")]
public sealed class Asvs16_AbsoluteLifetime(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Continuous_use_does_not_pass_the_absolute_lifetime()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        for (var day = 1; day < 30; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(session.Cookie)).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await (await client.ListSessionsAsync(session.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("null", await (await client.GetSessionAsync(session.Cookie)).Content.ReadAsStringAsync());
    }
}
