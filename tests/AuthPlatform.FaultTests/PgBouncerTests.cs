using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The service behind PgBouncer in transaction mode with only two server connections, so transactions
/// of many requests are interleaved on them: the whole HTTP flow works, concurrently, with
/// Database:Pooler=true (no server-side prepared statements, no session state).
/// </summary>
public sealed class PgBouncerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_full_flow_passes_through_pgbouncer_in_transaction_mode()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var bouncer = await PgBouncer.StartAsync(bed.Cluster.Port, serverConnections: 2);
        await using var service = await ServiceInstance.StartAsync(bouncer.ConnectionString(FaultTestBed.DatabaseName), new Dictionary<string, string?>
        {
            ["AUTH_DATABASE_POOLER"] = "true",
            ["AUTH_DATABASE_POOL_SIZE"] = "16",
        });
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);

        // The flow a frontend goes through, step by step.
        var email = $"bouncer-{Guid.NewGuid():N}@example.com";
        var signedUp = await traffic.SignUpAsync(0, email);
        Assert.NotNull(signedUp);
        Assert.Null(await traffic.SignUpAsync(0, email)); // the same email again is refused (4xx), not a 5xx
        Assert.Equal(422, recorder.Results[^1].Status);
        Assert.Equal((200, signedUp.UserId), ((await traffic.GetSessionAsync(0, signedUp)).Status, recorder.Results[^1].UserId));
        var signedIn = await traffic.SignInAsync(0, email);
        Assert.NotNull(signedIn);
        Assert.Equal(200, (await traffic.SignOutAsync(0, signedIn)).Status);
        var afterSignOut = await traffic.GetSessionAsync(0, signedIn);
        Assert.True(afterSignOut.Status == 200 && afterSignOut.NullBody, afterSignOut.ToString());
        Assert.Equal(200, (await traffic.GetSessionAsync(0, signedUp)).Status);

        // Concurrent requests whose transactions share the two server connections.
        var users = await FaultTestBed.SignUpUsersAsync(traffic, 8, "bouncer");
        await SteadyLoad.RunAsync(workers: 8, duration: TimeSpan.FromSeconds(6), async worker =>
        {
            var session = await traffic.SignInAsync(worker, users[worker].Email);
            Assert.NotNull(session);
            for (var i = 0; i < 3; i++)
            {
                var read = await traffic.GetSessionAsync(worker, session);
                Assert.Equal((200, session.UserId), (read.Status, read.UserId));
            }

            await traffic.SignOutAsync(worker, session);
            var gone = await traffic.GetSessionAsync(worker, session);
            Assert.True(gone.Status == 200 && gone.NullBody, gone.ToString());
        }, maxStepsPerWorker: 500);

        output.WriteLine(recorder.Summary());
        var failures = recorder.Results.Where(r => r.Status >= 500 || r.Status == 0).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var pools = await bouncer.AdminAsync("SHOW POOLS");
        var stats = await bouncer.AdminAsync("SHOW STATS");
        output.WriteLine($"SHOW POOLS:\n{pools}\nSHOW STATS:\n{stats}");
        var ourStats = stats.Split('\n').Single(line => line.StartsWith(FaultTestBed.DatabaseName + "|", StringComparison.Ordinal)).Split('|');
        Assert.True(long.Parse(ourStats[1], System.Globalization.CultureInfo.InvariantCulture) > recorder.Results.Count, "fewer pooled transactions than requests: the traffic did not go through PgBouncer");
        var serverConnections = await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString,
            $"select count(*) from pg_stat_activity where datname = '{FaultTestBed.DatabaseName}' and pid <> pg_backend_pid()");
        Assert.InRange(serverConnections, 0, 2);
    }
}
