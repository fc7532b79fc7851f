using System.Collections.Concurrent;
using System.Net;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// PostgreSQL stops for ten seconds under steady session load. Every answer is the truth: 200 for a
/// valid session or 503 with Retry-After, never 401, never null, never a cleared cookie; within five
/// seconds of the database returning every request succeeds, and every session made before still works.
/// </summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const int ConnectionTimeoutSeconds = 2;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ten_seconds_without_the_database_are_503s_that_keep_every_session()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, new Dictionary<string, string?>
        {
            ["Database__ConnectionTimeoutSeconds"] = $"{ConnectionTimeoutSeconds}",
        });
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var sessions = await FaultTestBed.SignUpUsersAsync(traffic, 12, "outage");
        var withTokens = await traffic.HasTokenEndpointAsync(sessions[0]);
        output.WriteLine(withTokens
            ? "GET /token is present: token requests are part of the load."
            : "GET /token answered 404 (no JWT issuance in this build): the load is get-session only.");

        var wrongUser = new ConcurrentBag<string>();
        var readiness = new ConcurrentQueue<(double At, HttpStatusCode Status)>();
        using var probing = new CancellationTokenSource();
        var probe = Task.Run(async () =>
        {
            while (!probing.IsCancellationRequested)
            {
                readiness.Enqueue((recorder.Now, await traffic.StatusOfAsync("/health/ready")));
                await Task.Delay(250);
            }
        });
        var load = SteadyLoad.RunAsync(workers: 8, duration: TimeSpan.FromSeconds(30), async worker =>
        {
            var session = sessions[Random.Shared.Next(sessions.Count)];
            var answer = await traffic.GetSessionAsync(worker, session);
            if (answer.Status == 200 && answer.UserId != session.UserId)
            {
                wrongUser.Add($"{answer} expected {session.UserId}");
            }

            if (withTokens)
            {
                await traffic.TokenAsync(worker, session);
            }

            await Task.Delay(10);
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        var stopping = recorder.Now;
        await bed.Cluster.StopAsync();
        var stopped = recorder.Now;
        await Task.Delay(Outage);
        var starting = recorder.Now;
        await bed.Cluster.StartAgainAsync();
        var back = recorder.Now;
        await load;
        await probing.CancelAsync();
        await probe;

        var results = recorder.Results;
        output.WriteLine($"database stopping at {stopping:0} ms, down at {stopped:0} ms, starting at {starting:0} ms, accepting at {back:0} ms");
        output.WriteLine(recorder.Summary());
        var lastFailure = results.Where(r => r.Status != 200 && r.StartMs >= back).Select(r => r.EndMs).DefaultIfEmpty(back).Max();
        output.WriteLine($"every request succeeded from {lastFailure - back:0} ms after the database accepted connections again");

        Assert.Empty(wrongUser);
        Assert.All(results, r => Assert.True(r.Status is 200 || (r.Status == 503 && r.RetryAfter), $"not 200 or 503+Retry-After: {r}"));
        Assert.DoesNotContain(results, r => r.NullBody);
        Assert.DoesNotContain(results, r => r.ClearedCookie);
        Assert.Contains(results, r => r.Status == 503 && r.StartMs >= stopped && r.EndMs <= starting); // the outage was seen

        // Bounded: no request during the outage waited past the connection timeout (twice, plus margin).
        var bound = (2 * ConnectionTimeoutSeconds + 2) * 1000;
        var slowest = results.Where(r => r.OverlapsWindow(stopping, back)).Max(r => r.DurationMs);
        output.WriteLine($"slowest answer during the outage: {slowest:0} ms (bound {bound} ms)");
        Assert.True(slowest <= bound, $"a request took {slowest:0} ms during the outage");

        var afterRecovery = results.Where(r => r.StartMs >= back + RecoveryBound.TotalMilliseconds).ToList();
        Assert.True(afterRecovery.Count > 50, $"too little load after recovery to judge it ({afterRecovery.Count} requests)");
        Assert.All(afterRecovery, r => Assert.Equal(200, r.Status));

        var ready = readiness.ToArray();
        Assert.Contains(ready, p => p.At >= stopped && p.At <= starting && p.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(ready.Where(p => p.At >= back + RecoveryBound.TotalMilliseconds), p => Assert.Equal(HttpStatusCode.OK, p.Status));

        var logs = service.Process.StandardOutput;
        Assert.Contains("connection pool cleared", logs, StringComparison.Ordinal);
        Assert.Contains("Store unavailable on", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(sessions, s => logs.Contains(s.Token, StringComparison.Ordinal)); // no token in any log line

        foreach (var session in sessions)
        {
            var after = await traffic.GetSessionAsync(0, session);
            Assert.Equal(200, after.Status);
            Assert.Equal(session.UserId, after.UserId);
        }
    }
}
