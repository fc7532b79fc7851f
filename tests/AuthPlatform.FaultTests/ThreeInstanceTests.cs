using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// Three service instances on one database, as behind a load balancer: a session made on any instance
/// is valid on every other, and a sign-out on one is seen by all of them within milliseconds (each
/// instance's session cache hears of it by LISTEN/NOTIFY; every kind of write: <see cref="SessionCacheTests"/>).
/// Tokens and keys across instances: <see cref="ThreeInstanceTokenTests"/>.
/// </summary>
public sealed class ThreeInstanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sign_in_on_one_read_on_another_revoke_on_the_third_is_seen_everywhere_within_milliseconds()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        var recorder = new LoadRecorder();
        using var a = new AuthTraffic(first.BaseAddress, recorder);
        using var b = new AuthTraffic(second.BaseAddress, recorder);
        using var c = new AuthTraffic(third.BaseAddress, recorder);
        var instances = new[] { a, b, c };
        var users = await FaultTestBed.SignUpUsersAsync(a, 8, "fleet");

        var staleReads = 0;
        var revocations = 0;
        await SteadyLoad.RunAsync(workers: 8, duration: TimeSpan.FromSeconds(8), async worker =>
        {
            // Each step rotates the roles so every instance signs in, reads and revokes.
            var (signer, reader, revoker) = (instances[worker % 3], instances[(worker + 1) % 3], instances[(worker + 2) % 3]);
            var session = await signer.SignInAsync(worker, users[worker].Email);
            Assert.NotNull(session);

            var read = await reader.GetSessionAsync(worker, session);
            Assert.Equal((200, session.UserId), (read.Status, read.UserId));

            var other = await revoker.GetSessionAsync(worker, session);
            Assert.Equal((200, session.UserId), (other.Status, other.UserId));
            Assert.Equal(200, (await revoker.SignOutAsync(worker, session)).Status);
            Interlocked.Increment(ref revocations);

            foreach (var instance in instances)
            {
                // The notification travels after the commit: a read may still meet the live entry for a few
                // milliseconds, never for longer than the bound.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var after = await instance.GetSessionAsync(worker, session);
                while (!(after.Status == 200 && after.NullBody) && after.Status == 200 && clock.Elapsed < SessionWrites.PropagationBound)
                {
                    after = await instance.GetSessionAsync(worker, session);
                }

                if (!(after.Status == 200 && after.NullBody))
                {
                    Interlocked.Increment(ref staleReads);
                    Assert.Fail($"after sign-out on {revoker.BaseAddress}, {instance.BaseAddress} answered {after}");
                }
            }
        }, maxStepsPerWorker: 200);

        output.WriteLine(recorder.Summary());
        output.WriteLine($"{revocations} sessions signed in, read and revoked across three instances; {staleReads} reads still live after the propagation bound");
        Assert.True(revocations >= 8, $"only {revocations} rounds ran");
        Assert.Equal(0, staleReads);
        Assert.DoesNotContain(recorder.Results, r => r.Status != 200);
        foreach (var user in users)
        {
            foreach (var instance in instances)
            {
                var read = await instance.GetSessionAsync(0, user);
                Assert.Equal((200, user.UserId), (read.Status, read.UserId));
            }
        }
    }
}
