using System.Diagnostics;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// Two pooled connections, both stuck behind a lock the test holds: the other requests get 503 with
/// Retry-After once the connection timeout passes (not after 30 s, not never), and the stuck ones
/// finish normally when the lock is released.
/// </summary>
public sealed class PoolExhaustionTests(ITestOutputHelper output)
{
    private const int PoolSize = 2;
    private const int ConnectionTimeoutSeconds = 2;
    private const int Requests = 10;

    [Fact]
    public async Task Requests_beyond_the_pool_get_503_within_the_connection_timeout()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, new Dictionary<string, string?>
        {
            ["Database__MaxPoolSize"] = $"{PoolSize}",
            ["Database__ConnectionTimeoutSeconds"] = $"{ConnectionTimeoutSeconds}",
            ["Database__CommandTimeoutSeconds"] = "60",
        });
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var session = (await FaultTestBed.SignUpUsersAsync(traffic, 1, "pool"))[0];

        var bound = TimeSpan.FromSeconds(2 * ConnectionTimeoutSeconds + 2);
        Task<LoadResult>[] requests;
        var held = Stopwatch.StartNew();
        await using (await DatabaseAdmin.LockTableAsync(bed.ConnectionString, "sessions"))
        {
            requests = Enumerable.Range(0, Requests).Select(i => Task.Run(() => traffic.GetSessionAsync(i, session))).ToArray();

            // Wait for the excess requests to be answered (or for far longer than they should take).
            var deadline = Stopwatch.StartNew();
            while (requests.Count(r => r.IsCompleted) < Requests - PoolSize && deadline.Elapsed < TimeSpan.FromSeconds(40))
            {
                await Task.Delay(100);
            }

            output.WriteLine($"{requests.Count(r => r.IsCompleted)} of {Requests} answered while the lock was held ({held.Elapsed.TotalSeconds:0.0} s)");
        }

        var results = await Task.WhenAll(requests);
        output.WriteLine(recorder.Summary());
        foreach (var result in results.OrderBy(r => r.EndMs))
        {
            output.WriteLine(result.ToString());
        }

        output.WriteLine(service.Process.StandardOutput);
        var rejected = results.Where(r => r.Status == 503).ToList();
        Assert.Equal(Requests - PoolSize, rejected.Count);
        Assert.All(rejected, r => Assert.True(r.RetryAfter, $"503 without Retry-After: {r}"));
        Assert.All(rejected, r => Assert.True(r.DurationMs <= bound.TotalMilliseconds, $"503 after {r.DurationMs:0} ms, bound {bound.TotalMilliseconds} ms"));
        Assert.All(rejected, r => Assert.True(r.DurationMs >= ConnectionTimeoutSeconds * 1000 * 0.9, $"503 before the connection timeout: {r}"));
        var served = results.Where(r => r.Status != 503).ToList();
        Assert.Equal(PoolSize, served.Count);
        Assert.All(served, r => Assert.Equal((200, session.UserId), (r.Status, r.UserId)));
        Assert.DoesNotContain(results, r => r.NullBody || r.ClearedCookie);

        // The log tells an operator which resource ran out (docs/operations.md).
        Assert.Contains("The connection pool has been exhausted", service.Process.StandardOutput, StringComparison.Ordinal);
    }
}
