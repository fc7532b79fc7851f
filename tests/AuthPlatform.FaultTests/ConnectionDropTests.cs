using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// pg_terminate_backend on every connection the service holds, twice, under mixed load (sign-in,
/// get-session, sign-out). Only requests in flight at that instant may fail; nothing after it does,
/// and no write is applied twice (each sign-in carries a unique User-Agent, stored on its session row).
/// </summary>
public sealed class ConnectionDropTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Terminated_backends_fail_at_most_the_requests_in_flight_and_duplicate_nothing()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var users = await FaultTestBed.SignUpUsersAsync(traffic, 8, "drop");

        var load = SteadyLoad.RunAsync(workers: 8, duration: TimeSpan.FromSeconds(12), async worker =>
        {
            var signedIn = await traffic.SignInAsync(worker, users[worker].Email, $"drop-test/{Guid.NewGuid():N}");
            for (var i = 0; i < 5; i++)
            {
                await traffic.GetSessionAsync(worker, signedIn ?? users[worker]);
            }

            if (signedIn is not null)
            {
                await traffic.SignOutAsync(worker, signedIn);
            }
        });

        var windows = new List<(double From, double To, int Terminated)>();
        foreach (var at in new[] { 3, 7 })
        {
            await Task.Delay(TimeSpan.FromSeconds(at - (windows.Count == 0 ? 0 : 3)));
            var from = recorder.Now;
            var terminated = await DatabaseAdmin.TerminateServiceBackendsAsync(bed.Cluster.AdminConnectionString, FaultTestBed.DatabaseName);
            windows.Add((from, recorder.Now, terminated));
        }

        await load;
        var results = recorder.Results;
        output.WriteLine(recorder.Summary());
        foreach (var (from, to, terminated) in windows)
        {
            var inFlight = results.Count(r => r.OverlapsWindow(from, to));
            output.WriteLine($"terminated {terminated} backends at {from:0}-{to:0} ms; {inFlight} requests were in flight");
        }

        Assert.All(windows, w => Assert.True(w.Terminated > 0, "the service held no connections to terminate"));
        var failures = results.Where(r => r.Status != 200).ToList();
        output.WriteLine($"{failures.Count} non-200 answers: {string.Join("; ", failures.Take(10))}");
        output.WriteLine($"service log (warnings and above):\n{service.Process.StandardOutput}");
        Assert.All(failures, r => Assert.True(r.IsServerError && windows.Any(w => r.OverlapsWindow(w.From, w.To)),
            $"a failure outside the instants the backends were terminated: {r}"));
        Assert.All(failures, r => Assert.True(r.Status == 503 && r.RetryAfter, $"a failure that is not 503 + Retry-After: {r}"));
        Assert.DoesNotContain(results, r => r.NullBody || r.ClearedCookie && r.Operation != "sign-out");

        var duplicated = await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString,
            "select count(*) from (select user_agent from sessions where user_agent like 'drop-test/%' group by user_agent having count(*) > 1) d");
        var rows = await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString, "select count(*) from sessions where user_agent like 'drop-test/%'");
        var signedIn = results.Count(r => r.Operation == "sign-in" && r.Status == 200);
        var signInFailures = results.Count(r => r.Operation == "sign-in" && r.Status != 200);
        output.WriteLine($"{signedIn} sign-ins answered 200, {signInFailures} failed; {rows} session rows; {duplicated} duplicated");
        Assert.Equal(0, duplicated);
        Assert.InRange(rows, signedIn, signedIn + signInFailures);
    }
}
