using System.Net.Sockets;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// SIGTERM with requests in flight (held behind a lock the test controls): the service stops accepting
/// connections at once, finishes the requests it has, and exits 0; past the shutdown timeout it exits
/// anyway and says how many it cut off.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_stops_accepting_finishes_requests_in_flight_and_exits_0()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await StartAsync(bed, shutdownTimeoutSeconds: 30);
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var session = (await FaultTestBed.SignUpUsersAsync(traffic, 1, "shutdown"))[0];

        Task<LoadResult>[] inFlight;
        await using (await DatabaseAdmin.LockTableAsync(bed.ConnectionString, "sessions"))
        {
            inFlight = Enumerable.Range(0, 4).Select(i => Task.Run(() => traffic.GetSessionAsync(i, session))).ToArray();
            await WaitForWaitingQueriesAsync(bed, 4);

            service.Process.Terminate();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(service.Process.HasExited, "the service exited with requests in flight");
            Assert.False(await AcceptsConnectionsAsync(service.Port), "the service still accepts connections after SIGTERM");
        }

        var results = await Task.WhenAll(inFlight);
        var exitCode = await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine(string.Join("\n", results.Select(r => r.ToString())));
        output.WriteLine(service.Process.StandardOutput);
        Assert.All(results, r => Assert.Equal((200, session.UserId), (r.Status, r.UserId)));
        Assert.Equal(0, exitCode);
        Assert.Contains("4 request(s) in flight", service.Process.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Shut down cleanly", service.Process.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_still_running_at_the_shutdown_timeout_are_cut_off_and_reported()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await StartAsync(bed, shutdownTimeoutSeconds: 2);
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var session = (await FaultTestBed.SignUpUsersAsync(traffic, 1, "shutdown"))[0];

        await using (await DatabaseAdmin.LockTableAsync(bed.ConnectionString, "sessions"))
        {
            var stuck = Task.Run(() => traffic.GetSessionAsync(0, session));
            await WaitForWaitingQueriesAsync(bed, 1);
            var terminatedAt = recorder.Now;
            service.Process.Terminate();
            var exitCode = await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(20));
            var exitedAfter = recorder.Now - terminatedAt;
            var result = await stuck;
            output.WriteLine($"exited {exitCode} after {exitedAfter:0} ms; the stuck request: {result}");
            output.WriteLine(service.Process.StandardOutput);

            Assert.Equal(0, exitCode);
            Assert.NotEqual(200, result.Status); // cut off, never answered as if it had succeeded
            Assert.Contains("request(s) unfinished after the 2 s shutdown timeout", service.Process.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static Task<ServiceInstance> StartAsync(FaultTestBed bed, int shutdownTimeoutSeconds) =>
        ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, new Dictionary<string, string?>
        {
            ["AUTH_SHUTDOWN_TIMEOUT"] = $"{shutdownTimeoutSeconds}",
            ["Serilog__MinimumLevel__Override__AuthPlatform"] = "Information",
            ["Database__CommandTimeoutSeconds"] = "60",
        });

    /// <summary>Waits until <paramref name="count"/> of the service's queries are blocked on the test's lock.</summary>
    private static async Task WaitForWaitingQueriesAsync(FaultTestBed bed, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString,
                   "select count(*) from pg_stat_activity where application_name = 'authplatform' and wait_event_type = 'Lock'") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the requests never reached the database lock ({count} expected)");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
