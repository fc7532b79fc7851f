using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The listeners' connections killed while sessions are revoked: an instance that can no longer hear of
/// changes answers nothing from memory, and starts again from an empty cache once it hears again.
/// </summary>
public sealed class SessionListenerOutageTests(ITestOutputHelper output)
{
    private const int Trials = 12;

    [Fact]
    public async Task A_cut_off_instance_never_answers_from_a_stale_entry()
    {
        await using var bed = await FaultTestBed.StartAsync();
        // The revoker reads the database every time; the two others cache and get cut off.
        await using var revoker = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, new Dictionary<string, string?> { ["AUTH_SESSION_CACHE"] = "false" });
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await SessionCacheAdmin.AwaitListenersAsync(bed.ConnectionString, 2);
        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(revoker.BaseAddress, recorder);
        using var b = new SessionWrites(second.BaseAddress);
        using var c = new SessionWrites(third.BaseAddress);
        var cutOff = new[] { b, c };
        var users = await FaultTestBed.SignUpUsersAsync(traffic, Trials + 4, "cut");

        // Meanwhile, sign-outs on the revoker, each checked on both cached instances.
        using var stop = new CancellationTokenSource();
        var background = Task.Run(async () =>
        {
            var checkedRevocations = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var session = await traffic.SignInAsync(1, users[Trials + (i % 4)].Email) ?? throw new InvalidOperationException("sign-in failed");
                foreach (var instance in cutOff)
                {
                    await instance.WarmAsync(session);
                }

                Assert.Equal(200, (await traffic.SignOutAsync(1, session)).Status);
                foreach (var instance in cutOff)
                {
                    await instance.AwaitAsync(session, x => x.IsSignedOut, "a sign-out on the revoker");
                    Assert.True((await instance.GetSessionAsync(session)).IsSignedOut, "a refused session came back");
                }

                checkedRevocations++;
            }

            return checkedRevocations;
        });

        var reconnects = new List<TimeSpan>();
        var detections = new List<TimeSpan>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var session = await traffic.SignInAsync(0, users[trial].Email) ?? throw new InvalidOperationException("sign-in failed");
            foreach (var instance in cutOff)
            {
                await instance.WarmAsync(session);
            }

            // Revoked without a notification: the cached instances still answer it from memory (which
            // shows they cache), until they lose their listener.
            await SessionCacheAdmin.RevokeSilentlyAsync(bed.ConnectionString, session.UserId);
            foreach (var instance in cutOff)
            {
                Assert.True((await instance.GetSessionAsync(session)).IsLive, $"trial {trial}: {instance.BaseAddress} did not answer from memory");
            }

            // The instance learns of the kill when its listener reads the server's goodbye: milliseconds,
            // more on a loaded machine. From then on, nothing is answered from memory.
            Assert.Equal(2, await SessionCacheAdmin.TerminateListenersAsync(bed.ConnectionString));
            foreach (var instance in cutOff)
            {
                detections.Add(await instance.AwaitAsync(session, x => x.IsSignedOut, $"trial {trial}: the listener's termination"));
                var answer = await instance.GetSessionAsync(session);
                Assert.True(answer.IsSignedOut, $"trial {trial}: {instance.BaseAddress} answered {answer} from a stale entry after losing its listener");
            }

            reconnects.Add(await SessionCacheAdmin.AwaitListenersAsync(bed.ConnectionString, 2));
            foreach (var instance in cutOff)
            {
                var answer = await instance.GetSessionAsync(session);
                Assert.True(answer.IsSignedOut, $"trial {trial}: {instance.BaseAddress} answered {answer} after its listener came back");
            }
        }

        await stop.CancelAsync();
        var revocations = await background;
        output.WriteLine($"{Trials} listener kills, each followed by a stale-entry check on two instances; stale entry refused after {SessionCacheAdmin.Percentiles(detections)}; listeners back after {SessionCacheAdmin.Percentiles(reconnects)}");
        output.WriteLine($"{revocations} sign-outs meanwhile, each refused on both cached instances");
        output.WriteLine(recorder.Summary());
        Assert.True(revocations >= 2, $"only {revocations} sign-outs ran alongside");
        Assert.DoesNotContain(recorder.Results, r => r.Status >= 500 || r.Status == 0);
    }
}
