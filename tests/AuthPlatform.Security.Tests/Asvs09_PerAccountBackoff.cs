using System.Globalization;
using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 4.0.3 2.2.1 / 5.0 6.1.1: a password spray at one account from ever new addresses gets at most 100
/// failed attempts per hour, as backoff (a token bucket spent only by failures), not a lock: the owner
/// gets in once the short wait is over. Registered and unknown emails are throttled identically. The
/// service's clock is driven by the test; the buckets live in PostgreSQL.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs09_PerAccountBackoff(TestDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    private int _peer;

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string NextPeer()
    {
        var n = Interlocked.Increment(ref _peer);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    [Fact]
    public async Task A_spray_from_many_addresses_gets_at_most_100_failures_in_an_hour_and_the_owner_still_gets_in()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        var start = factory.Clock.GetUtcNow();

        var failures = 0;
        var throttled = 0;
        TimeSpan lastWait = default;
        while (factory.Clock.GetUtcNow() - start < TimeSpan.FromHours(1))
        {
            var response = await client.PostSignInAsync("ann@example.com", "guess " + failures, NextPeer());
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                failures++;
                continue;
            }

            await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
            throttled++;
            lastWait = TimeSpan.FromSeconds(int.Parse(response.Header("Retry-After")!, CultureInfo.InvariantCulture));
            factory.Clock.Advance(lastWait);
        }

        Measurements.Report(output, $"per-account spray: {failures} failed attempts allowed in one hour, {throttled} throttled answers, wait {lastWait.TotalSeconds} s between attempts");
        Assert.InRange(failures, 90, 100);
        Assert.InRange(lastWait, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // Not a lock: once the bucket holds a token again, the right password signs in.
        var owner = await client.PostSignInAsync("ann@example.com", AuthApi.Password, NextPeer());
        if (owner.StatusCode == HttpStatusCode.TooManyRequests)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(int.Parse(owner.Header("Retry-After")!, CultureInfo.InvariantCulture)));
            owner = await client.PostSignInAsync("ann@example.com", AuthApi.Password, NextPeer());
        }

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task A_registered_and_an_unknown_email_are_throttled_identically()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        async Task<string[]> Sequence(string email)
        {
            var answers = new List<string>();
            for (var i = 0; i < 12; i++)
            {
                var response = await client.PostSignInAsync(email, "wrong guess", NextPeer());
                answers.Add($"{(int)response.StatusCode} {await response.CodeAsync()} {response.Header("Retry-After")}");
            }

            return [.. answers];
        }

        var registered = await Sequence("ann@example.com");
        var unknown = await Sequence("nobody@example.com");

        Assert.Equal(registered, unknown);
        Assert.Equal(10, registered.Count(a => a.StartsWith("401", StringComparison.Ordinal)));
        Assert.StartsWith("429 TOO_MANY_REQUESTS", registered[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Successful_sign_ins_spend_nothing()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ann@example.com", AuthApi.Password, NextPeer())).StatusCode);
        }
    }

    [Fact]
    public async Task The_bucket_is_shared_by_every_instance_through_the_database()
    {
        await using var first = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        await using var second = SecurityHost.Create(database, realLimits: true, fakeClock: true);
        var one = first.CreatePlainClient();
        var two = second.CreatePlainClient();
        await one.SignUpAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await one.PostSignInAsync("ann@example.com", "wrong", NextPeer())).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await two.PostSignInAsync("ann@example.com", "wrong", NextPeer())).StatusCode);
        }

        await (await one.PostSignInAsync("ann@example.com", "wrong", NextPeer())).AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        await (await two.PostSignInAsync("ann@example.com", AuthApi.Password, NextPeer())).AssertProblemAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
    }
}
