using System.Collections.Concurrent;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// kill -9 under sign-in load, then a restart: every session whose sign-in was answered 200 before the
/// crash is valid afterwards (a 200 means the session row was committed first).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_session_answered_200_before_kill_9_works_after_the_restart()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var service = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        var users = await FaultTestBed.SignUpUsersAsync(traffic, 8, "crash");

        var issued = new ConcurrentQueue<(double At, Credentials Session)>();
        var load = SteadyLoad.RunAsync(workers: 8, duration: TimeSpan.FromSeconds(5), async worker =>
        {
            if (await traffic.SignInAsync(worker, users[worker].Email) is { } session)
            {
                issued.Enqueue((recorder.Now, session));
                await traffic.GetSessionAsync(worker, session);
            }
            else
            {
                await Task.Delay(20); // the service is down: do not spin
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = recorder.Now;
        service.Kill();
        await load;
        var beforeCrash = issued.Where(i => i.At < killedAt).Select(i => i.Session).ToList();
        await service.RestartAsync();

        output.WriteLine(recorder.Summary());
        output.WriteLine($"killed at {killedAt:0} ms; {beforeCrash.Count} sign-ins answered 200 before the kill");
        Assert.True(beforeCrash.Count >= 8, $"only {beforeCrash.Count} sign-ins before the kill");
        Assert.DoesNotContain(recorder.Results, r => r.Status is >= 400 and not 503);

        var lost = new List<string>();
        foreach (var session in issued.Select(i => i.Session))
        {
            var after = await traffic.GetSessionAsync(0, session);
            if (after.Status != 200 || after.UserId != session.UserId)
            {
                lost.Add(after.ToString());
            }
        }

        Assert.Empty(lost);
    }
}
