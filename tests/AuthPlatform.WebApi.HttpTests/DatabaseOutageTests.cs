using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// With the database stopped, a valid cookie gets 503 + Retry-After (never null, never 401, never a
/// cleared cookie), and works again once the database is back. Uses a cluster of its own to stop.
/// </summary>
[Trait("Tier", "full")]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_database_outage_is_a_503_that_keeps_the_session()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("outage");
        await TestDatabase.MigrateAsync(connectionString);
        await using var factory = new AuthApiFactory(connectionString);
        factory.Settings["Database:ConnectionTimeoutSeconds"] = "2";
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        await cluster.StopAsync();
        for (var i = 0; i < 3; i++)
        {
            var during = await client.GetSessionAsync(session.Cookie);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
            Assert.Null(AuthApi.SessionSetCookie(during));
            Assert.Equal("SERVICE_UNAVAILABLE", (await during.JsonAsync())!["code"]!.GetValue<string>());
            Assert.True(during.Headers.CacheControl?.NoStore);

            var bearer = await client.GetSessionWithBearerAsync(session.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, bearer.StatusCode);
        }

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        await cluster.StartAgainAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage after;
        do
        {
            after = await client.GetSessionAsync(session.Cookie);
            Assert.NotEqual(HttpStatusCode.Unauthorized, after.StatusCode);
            Assert.NotEqual("null", await after.Content.ReadAsStringAsync());
        }
        while (after.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(session.UserId, (await after.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        // Readiness answers from a result up to a second old (Hosting/Readiness.cs), and a round may have
        // started while the database was still coming back: it turns healthy within the same deadline.
        var readyAgain = await client.GetAsync("/health/ready");
        while (readyAgain.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            readyAgain = await client.GetAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }
}
