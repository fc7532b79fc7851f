using System.Diagnostics;
using AuthPlatform.Testing;
using AuthPlatform.Testing.Faults;
using Npgsql;

namespace AuthPlatform.Soak;

/// <summary>
/// The cleanup soak (--cleanup): sessions of a few seconds' lifetime are created without pause while the
/// cleanup job runs every two seconds with no retention; the sessions table must stay flat in size.
/// Reports the row count every five seconds and what the job logged.
/// </summary>
internal static class CleanupSoak
{
    public static async Task<int> RunAsync(SoakSettings settings)
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("soak");
        await TestDatabase.MigrateAsync(connectionString);
        await using var service = await ServiceInstance.StartAsync(connectionString, new Dictionary<string, string?>
        {
            ["Auth__Session__ExpiresIn"] = "00:00:05",
            ["Auth__Session__ShortExpiresIn"] = "00:00:05",
            ["Auth__Session__UpdateAge"] = "00:00:01",
            ["Auth__Session__AbsoluteLifetime"] = "00:00:10",
            ["Auth__Cleanup__Interval"] = "00:00:02",
            ["Auth__Cleanup__SessionRetention"] = "00:00:00",
            ["Auth__Cleanup__BatchSize"] = "200",
            ["Serilog__MinimumLevel__Override__AuthPlatform.Infrastructure.Cleanup"] = "Information",
        });
        var recorder = new LoadRecorder(retainResults: false);
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var users = new List<Credentials>();
        for (var i = 0; i < settings.Connections; i++)
        {
            users.Add(await traffic.SignUpAsync(i, $"cleanup-soak-{i}-{Guid.NewGuid():N}@example.com") ?? throw new InvalidOperationException("sign-up failed"));
        }

        var samples = new List<(double At, long Rows)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var count = new NpgsqlCommand("select count(*) from sessions", connection);
                var rows = (long)(await count.ExecuteScalarAsync())!;
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, rows));
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var created = 0;
        await SteadyLoad.RunAsync(settings.Connections, settings.Duration, async worker =>
        {
            if (await traffic.SignInAsync(worker, users[worker].Email) is not null)
            {
                Interlocked.Increment(ref created);
            }
        }, maxStepsPerWorker: 1_000_000);
        await stop.CancelAsync();
        await sampling;

        var afterWarmUp = samples.Where(s => s.At >= settings.WarmUp.TotalSeconds).ToList();
        var half = afterWarmUp.Count / 2;
        var firstHalf = afterWarmUp.Take(half).Select(s => s.Rows).DefaultIfEmpty(0).Max();
        var secondHalf = afterWarmUp.Skip(half).Select(s => s.Rows).DefaultIfEmpty(0).Max();
        var flat = secondHalf <= (firstHalf * 1.25) + 50;
        var removals = service.Process.StandardOutput.Split('\n').Count(l => l.Contains("Cleanup removed", StringComparison.Ordinal));
        Console.WriteLine($"cleanup soak: {created} sessions created in {settings.Duration.TotalSeconds:0} s (lifetime 5 s, cleanup every 2 s, no retention)");
        Console.WriteLine($"sessions rows (s:rows): {string.Join(' ', samples.Select(s => $"{s.At:0}:{s.Rows}"))}");
        Console.WriteLine($"largest after warm-up: first half {firstHalf}, second half {secondHalf}: {(flat ? "flat" : "GROWING")}; cleanup log lines: {removals}");
        var errors = recorder.Counts.Where(c => c.Key.Status >= 500 || c.Key.Status == 0).Sum(c => c.Value);
        Console.WriteLine($"5xx or no answer: {errors}");
        var passed = flat && errors == 0 && created > samples.LastOrDefault().Rows;
        Console.WriteLine(passed ? "CLEANUP SOAK PASSED" : "CLEANUP SOAK FAILED");
        return passed ? 0 : 1;
    }
}
