using System.Diagnostics;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The service behind PgBouncer in transaction mode with only two server connections, so transactions
/// of many requests are interleaved on them: the whole HTTP flow works, concurrently, with
/// Database:Pooler=true (no server-side prepared statements, no session state), token issuance
/// included, and a signing-key rotation goes through the pooler and reaches the running instance.
/// With a direct listener connection (DATABASE_LISTEN_URL) the session cache runs; without one it is off,
/// says so in one line, and every answer still comes from the database.
/// </summary>
public sealed class PgBouncerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_full_flow_passes_through_pgbouncer_in_transaction_mode(bool directListener)
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var bouncer = await PgBouncer.StartAsync(bed.Cluster.Port, serverConnections: 2);
        // Start-up creates the first signing key through the pooler too (an advisory lock held for one transaction).
        await using var service = await ServiceInstance.StartAsync(bouncer.ConnectionString(FaultTestBed.DatabaseName), new Dictionary<string, string?>
        {
            ["AUTH_DATABASE_POOLER"] = "true",
            ["AUTH_DATABASE_POOL_SIZE"] = "16",
            ["Auth__Jwt__Keys__RefreshInterval"] = "00:00:01",
            ["DATABASE_LISTEN_URL"] = directListener ? bed.ServiceDatabaseUrl : null,
        });
        if (directListener)
        {
            await SessionCacheAdmin.AwaitListenersAsync(bed.ConnectionString, 1);
        }
        else
        {
            var off = await SessionCacheOffLinesAsync(service);
            output.WriteLine(string.Join("\n", off));
            Assert.Single(off);
            Assert.Contains("cannot LISTEN", off[0], StringComparison.Ordinal);
            Assert.Equal(0, await SessionCacheAdmin.CountListenersAsync(bed.ConnectionString));
        }

        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);

        // The flow a frontend goes through, step by step.
        var email = $"bouncer-{Guid.NewGuid():N}@example.com";
        var signedUp = await traffic.SignUpAsync(0, email);
        Assert.NotNull(signedUp);
        Assert.Null(await traffic.SignUpAsync(0, email)); // the same email again is refused (4xx), not a 5xx
        Assert.Equal(422, recorder.Results[^1].Status);
        Assert.Equal((200, signedUp.UserId), ((await traffic.GetSessionAsync(0, signedUp)).Status, recorder.Results[^1].UserId));
        Assert.NotNull(await traffic.JwtAsync(0, signedUp));
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

            Assert.Equal(200, (await traffic.TokenAsync(worker, session)).Status);

            await traffic.SignOutAsync(worker, session);
            var gone = await traffic.GetSessionAsync(worker, session);
            Assert.True(gone.Status == 200 && gone.NullBody, gone.ToString());
        }, maxStepsPerWorker: 500);

        // A key rotation through the pooler: the operator command writes the new key, and the instance's
        // change poll (also through the pooler) publishes it.
        var rotation = await service.RunCommandInTestProcessAsync("rotate-keys");
        output.WriteLine($"rotate-keys through PgBouncer exited {rotation.ExitCode}: {rotation.Output.Trim()} {rotation.Errors.Trim()}");
        Assert.Equal(0, rotation.ExitCode);
        Assert.Contains("Created signing key", rotation.Output, StringComparison.Ordinal);
        Assert.Equal(2, await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString, "select count(*) from signing_keys"));
        var published = Stopwatch.StartNew();
        while (System.Text.Json.Nodes.JsonNode.Parse(await traffic.JwksAsync())!["keys"]!.AsArray().Count < 2)
        {
            Assert.True(published.Elapsed < TimeSpan.FromSeconds(30), "the instance did not publish the new key through PgBouncer");
            await Task.Delay(200);
        }

        Assert.NotNull(await traffic.JwtAsync(0, signedUp));

        output.WriteLine(recorder.Summary());
        var failures = recorder.Results.Where(r => r.Status >= 500 || r.Status == 0).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(recorder.Results, r => r.Operation == "token" && r.Status == 200);

        var pools = await bouncer.AdminAsync("SHOW POOLS");
        var stats = await bouncer.AdminAsync("SHOW STATS");
        output.WriteLine($"SHOW POOLS:\n{pools}\nSHOW STATS:\n{stats}");
        var ourStats = stats.Split('\n').Single(line => line.StartsWith(FaultTestBed.DatabaseName + "|", StringComparison.Ordinal)).Split('|');
        Assert.True(long.Parse(ourStats[1], System.Globalization.CultureInfo.InvariantCulture) > recorder.Results.Count, "fewer pooled transactions than requests: the traffic did not go through PgBouncer");
        var serverConnections = await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString,
            $"select count(*) from pg_stat_activity where datname = '{FaultTestBed.DatabaseName}' and pid <> pg_backend_pid() and application_name not in ('{SessionCacheAdmin.ListenerApplicationName}', '{SessionCacheAdmin.HeartbeatApplicationName}')");
        Assert.InRange(serverConnections, 0, 2);
    }

    /// <summary>The service's "Session cache off" log lines, once the hosted service that writes them has run (at most 30 s).</summary>
    private static async Task<List<string>> SessionCacheOffLinesAsync(ServiceInstance service)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var off = service.Process.StandardOutput.Split('\n').Where(line => line.Contains("Session cache off", StringComparison.Ordinal)).ToList();
            if (off.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return off;
            }

            await Task.Delay(50);
        }
    }
}
