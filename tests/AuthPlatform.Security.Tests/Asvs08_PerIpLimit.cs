using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 6.1.1 / 2.4.1, per client address: BetterAuth's production limits, always on (3 per 10 s on the
/// credential routes, 100 per 10 s elsewhere), 429 problem+json with Retry-After. The client address is
/// the socket's unless a configured trusted proxy forwarded the request. The clock stands still (fake clock):
/// on a loaded machine four sign-ins can take longer than the ten seconds they are counted in.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs08_PerIpLimit(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static HttpRequestMessage SignIn(string peer, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in/email")
        {
            Content = JsonContent.Create(new { email = "ann@example.com", password = "not the password" }),
        };
        request.Headers.Add(SecurityHost.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    [Fact]
    public async Task The_fourth_sign_in_within_ten_seconds_from_one_address_is_429_with_retry_after()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn("198.51.100.1"))).StatusCode);
        }

        var limited = await client.SendAsync(SignIn("198.51.100.1"));
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        var retryAfter = int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);
        Assert.Equal(limited.Header("Retry-After"), limited.Header("X-Retry-After"));
        Assert.Equal("no-store", limited.Headers.CacheControl?.ToString());

        // Another address, and another route from the same address, are counted apart.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn("198.51.100.2"))).StatusCode);
        var getSession = new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { SecurityHost.PeerHeader, "198.51.100.1" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(getSession)).StatusCode);
    }

    [Fact]
    public async Task Other_routes_allow_100_per_ten_seconds()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();
        HttpRequestMessage Ok() => new(HttpMethod.Get, "/api/auth/ok") { Headers = { { SecurityHost.PeerHeader, "198.51.100.3" } } };

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Ok())).StatusCode);
        }

        await (await client.SendAsync(Ok())).AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task A_spoofed_x_forwarded_for_from_an_untrusted_peer_changes_nothing()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn("203.0.113.7", $"192.0.2.{i + 1}"))).StatusCode);
        }

        await (await client.SendAsync(SignIn("203.0.113.7", "192.0.2.99"))).AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task Loopback_is_not_trusted_by_default_either()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-up/email")
        {
            Content = JsonContent.Create(new { name = "Ann", email = "ann@example.com", password = AuthApi.Password }),
            Headers = { { SecurityHost.PeerHeader, "127.0.0.1" }, { "X-Forwarded-For", "192.0.2.55" } },
        };

        var session = await AuthApi.ReadSignedInAsync(await client.SendAsync(request));

        Assert.Equal("127.0.0.1", (await (await client.GetSessionAsync(session.Cookie)).JsonAsync())!["session"]!["ipAddress"]!.GetValue<string>());
    }

    [Fact]
    public async Task Behind_a_configured_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        factory.Settings["Auth:TrustedProxies"] = "10.0.0.0/24";
        var client = factory.CreatePlainClient();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn("10.0.0.1", $"192.0.2.{i + 1}"))).StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignIn("10.0.0.1", "192.0.2.200"))).StatusCode);
        }

        await (await client.SendAsync(SignIn("10.0.0.1", "192.0.2.200"))).AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }
}
