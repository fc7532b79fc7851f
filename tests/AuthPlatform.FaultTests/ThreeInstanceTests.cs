using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// Three service instances on one database, as behind a load balancer: a session made on any instance
/// is valid on every other, and a sign-out on one is seen by all of them on the very next request
/// (sessions are read from the database each time; there is no per-instance cache to go stale).
/// </summary>
public sealed class ThreeInstanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sign_in_on_one_read_on_another_revoke_on_the_third_is_seen_everywhere_at_once()
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
        if (await a.HasTokenEndpointAsync(users[0]))
        {
            output.WriteLine("GET /token is present: JWT and JWKS cross-verification between instances belongs in this class.");
        }

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
                var after = await instance.GetSessionAsync(worker, session);
                if (!(after.Status == 200 && after.NullBody))
                {
                    Interlocked.Increment(ref staleReads);
                    Assert.Fail($"after sign-out on {revoker.BaseAddress}, {instance.BaseAddress} answered {after}");
                }
            }
        }, maxStepsPerWorker: 200);

        output.WriteLine(recorder.Summary());
        output.WriteLine($"{revocations} sessions signed in, read and revoked across three instances; {staleReads} stale reads after revocation");
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
