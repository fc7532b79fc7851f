using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Get-session (GET /get-session) over time: sliding refresh, expiry and the absolute cap end sessions and clear the cookie.</summary>
[Trait("Tier", "fast")]
public sealed class GetSessionExpiryTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Sliding_refresh_writes_at_most_once_per_update_age_and_resends_the_cookie()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        async Task<DateTime> UpdatedAt() => await database.ScalarAsync<DateTime>("select updated_at from sessions");
        var created = await UpdatedAt();

        factory.Clock.Advance(TimeSpan.FromHours(23));
        var early = await client.GetSessionAsync(session.Cookie);
        Assert.Null(AuthApi.SessionSetCookie(early));
        Assert.Equal(created, await UpdatedAt());

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var due = await client.GetSessionAsync(session.Cookie);
        Assert.Contains("Max-Age=604800", AuthApi.SessionSetCookie(due), StringComparison.Ordinal);
        var refreshed = await UpdatedAt();
        Assert.True(refreshed > created);

        for (var i = 0; i < 5; i++)
        {
            factory.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Null(AuthApi.SessionSetCookie(await client.GetSessionAsync(session.Cookie)));
        }

        Assert.Equal(refreshed, await UpdatedAt());
    }

    [Fact]
    public async Task An_expired_session_gives_null_and_clears_the_cookie()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var response = await client.GetSessionAsync(session.Cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_used_every_day_still_ends_at_the_absolute_lifetime()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        for (var day = 1; day < 30; day++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetSessionAsync(session.Cookie)).StatusCode);
            Assert.NotEqual("null", await (await client.GetSessionAsync(session.Cookie)).Content.ReadAsStringAsync());
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        var response = await client.GetSessionAsync(session.Cookie);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
    }
}
