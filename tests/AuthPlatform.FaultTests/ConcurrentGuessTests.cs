using System.Diagnostics;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The per-account throttle takes its token before the hash is computed: 200 concurrent wrong passwords for
/// one account over three instances run no more password checks than the burst plus the refill during
/// the storm, and the owner's password works again one refill interval later (no debt to pay off).
/// </summary>
public sealed class ConcurrentGuessTests(ITestOutputHelper output)
{
    private const int Burst = 5;
    private const int RefillPerSecond = 1; // MaxFailuresPerHour = Burst + 3600: one token a second

    [Fact]
    public async Task Two_hundred_concurrent_guesses_run_at_most_burst_plus_refill_checks_and_the_owner_gets_back_in()
    {
        await using var bed = await FaultTestBed.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Auth__SignInThrottle__Burst"] = $"{Burst}",
            ["Auth__SignInThrottle__MaxFailuresPerHour"] = $"{Burst + (3600 * RefillPerSecond)}",
        };
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        var instances = new[] { first.BaseAddress, second.BaseAddress, third.BaseAddress };
        using var client = new RawAuthClient();
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery staple";
        Assert.Equal(200, (await client.SignUpAsync(instances[0], email, password)).Status);

        var storm = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.SignInAsync(instances[i % 3], email, $"guess {i}")));
        storm.Stop();

        // Every 401 is a password check that ran; every 429 was refused before any hashing; a 503 (hashing
        // queue or connection pool full on an overloaded machine) answered before any check of a wrong password.
        var checks = answers.Count(a => a.Status == 401);
        var refused = answers.Count(a => a.Status == 429);
        var busy = answers.Count(a => a.Status == 503);
        var bound = Burst + (int)Math.Ceiling(storm.Elapsed.TotalSeconds * RefillPerSecond);
        output.WriteLine($"200 concurrent wrong passwords over 3 instances in {storm.Elapsed.TotalSeconds:F1} s: {checks} password checks ran, {refused} refused before hashing, {busy} answered 503 busy (bound: burst {Burst} + refill {bound - Burst} = {bound})");
        Assert.Equal(200, checks + refused + busy);
        Assert.True(refused > 0, "no guess was refused by the throttle");
        Assert.InRange(checks, 1, bound);

        // The documented backoff is one refill interval (1 / rate) after the last spent token.
        var backoff = TimeSpan.FromSeconds(1.0 / RefillPerSecond);
        var waited = Stopwatch.StartNew();
        RawAnswer owner;
        while ((owner = await client.SignInAsync(instances[1], email, password)).Status == 429)
        {
            Assert.True(waited.Elapsed < backoff + TimeSpan.FromSeconds(2), $"the owner was still refused {waited.Elapsed.TotalSeconds:F1} s after the storm");
            await Task.Delay(100);
        }

        output.WriteLine($"the owner's password worked {waited.Elapsed.TotalSeconds:F2} s after the storm (documented backoff {backoff.TotalSeconds} s)");
        Assert.Equal(200, owner.Status);
        Assert.InRange(waited.Elapsed, TimeSpan.Zero, backoff + TimeSpan.FromSeconds(2));
    }
}
