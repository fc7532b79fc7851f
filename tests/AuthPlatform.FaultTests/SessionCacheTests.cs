using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The session cache across three instances (docs/adr/0095-coherent-session-cache.md): a session is
/// answered from memory, and every kind of write that ends or changes a session or its user reaches the
/// other instances' caches, trial after trial.
/// </summary>
public sealed class SessionCacheTests(ITestOutputHelper output)
{
    private const int Trials = 3;

    [Fact]
    public async Task A_read_session_is_answered_from_memory_until_a_notified_change()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl);
        await SessionCacheAdmin.AwaitListenersAsync(bed.ConnectionString, 2);
        using var traffic = new AuthTraffic(first.BaseAddress, new LoadRecorder());
        using var cached = new SessionWrites(first.BaseAddress);
        using var uncached = new SessionWrites(second.BaseAddress);
        var session = (await FaultTestBed.SignUpUsersAsync(traffic, 1, "memory"))[0];
        await cached.WarmAsync(session);

        // Revoked behind every cache's back (no notification): the instance that read it still answers from
        // memory, the one that never did reads the row.
        await SessionCacheAdmin.RevokeSilentlyAsync(bed.ConnectionString, session.UserId);
        Assert.True((await cached.GetSessionAsync(session)).IsLive, "the first instance read the database: no session cache");
        Assert.True((await uncached.GetSessionAsync(session)).IsSignedOut);

        // Any notified write of the row (here one that changes nothing) drops the entry.
        await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString, $"with u as (update sessions set updated_at = updated_at where user_id = '{session.UserId}' returning 1) select count(*) from u");
        var took = await cached.AwaitAsync(session, a => a.IsSignedOut, "a notified update");
        output.WriteLine($"notified update seen after {took.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task Every_kind_of_write_is_seen_on_the_other_instances()
    {
        await using var bed = await FaultTestBed.StartAsync();
        var settings = new Dictionary<string, string?> { ["Auth__Session__UpdateAge"] = "00:00:02" };
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await SessionCacheAdmin.AwaitListenersAsync(bed.ConnectionString, 3);
        var services = new[] { first, second, third };
        var writers = services.Select(s => new SessionWrites(s.BaseAddress)).ToArray();
        var traffic = services.Select(s => new AuthTraffic(s.BaseAddress, new LoadRecorder())).ToArray();
        var latencies = new Dictionary<string, List<TimeSpan>>();
        try
        {
            for (var trial = 0; trial < Trials; trial++)
            {
                var w = trial % 3;
                var writer = writers[w];
                var observers = writers.Where((_, i) => i != w).ToArray();

                // Two sessions of a fresh user; the observers hold both in memory before each write.
                async Task<(Credentials One, Credentials Two)> FreshUserAsync(string kind)
                {
                    var one = (await FaultTestBed.SignUpUsersAsync(traffic[w], 1, kind))[0];
                    var two = await traffic[w].SignInAsync(0, one.Email) ?? throw new InvalidOperationException("sign-in failed");
                    foreach (var observer in observers)
                    {
                        await observer.WarmAsync(one);
                        await observer.WarmAsync(two);
                    }

                    return (one, two);
                }

                async Task ExpectAsync(string kind, Credentials session, Func<SessionWrites.Answer, bool> expected, bool disableRefresh = false)
                {
                    foreach (var observer in observers)
                    {
                        var took = await observer.AwaitAsync(session, expected, $"{kind} on {writer.BaseAddress}", disableRefresh);
                        (latencies.TryGetValue(kind, out var list) ? list : latencies[kind] = []).Add(took);
                    }
                }

                var (a, b) = await FreshUserAsync("sign-out");
                Assert.Equal(200, (await traffic[w].SignOutAsync(0, a)).Status);
                await ExpectAsync("sign-out", a, x => x.IsSignedOut);
                Assert.True((await observers[0].GetSessionAsync(b)).IsLive);

                (a, b) = await FreshUserAsync("revoke-session");
                await writer.RevokeSessionAsync(a, b);
                await ExpectAsync("revoke-session", b, x => x.IsSignedOut);

                (a, b) = await FreshUserAsync("revoke-other");
                await writer.RevokeOtherSessionsAsync(a);
                await ExpectAsync("revoke-other-sessions", b, x => x.IsSignedOut);
                Assert.True((await observers[0].GetSessionAsync(a)).IsLive);

                (a, b) = await FreshUserAsync("revoke-all");
                await writer.RevokeSessionsAsync(a);
                await ExpectAsync("revoke-sessions", a, x => x.IsSignedOut);
                await ExpectAsync("revoke-sessions", b, x => x.IsSignedOut);

                (a, b) = await FreshUserAsync("password");
                await writer.ChangePasswordAsync(a, "a brand new passphrase " + trial);
                await ExpectAsync("change-password", a, x => x.IsSignedOut);
                await ExpectAsync("change-password", b, x => x.IsSignedOut);

                (a, b) = await FreshUserAsync("rename");
                var name = $"Renamed {trial}";
                await writer.UpdateNameAsync(a, name);
                await ExpectAsync("update-user", b, x => x.IsLive && x.UserName == name);

                // Sliding refresh: the observers read without refreshing themselves, so only the notification
                // of the writer's refresh can show them the new expiry.
                (a, b) = await FreshUserAsync("refresh");
                await Task.Delay(TimeSpan.FromSeconds(2.2));
                var before = await observers[0].GetSessionAsync(a, disableRefresh: true);
                var refreshed = await writer.GetSessionAsync(a);
                Assert.True(refreshed.IsLive && refreshed.ExpiresAt != before.ExpiresAt, $"no sliding refresh: {before.ExpiresAt} then {refreshed.ExpiresAt}");
                await ExpectAsync("sliding refresh", a, x => x.ExpiresAt == refreshed.ExpiresAt, disableRefresh: true);

                // Operator commands write from another process (the test's own): every instance must hear of it.
                foreach (var command in new[] { "revoke-user-sessions", "disable-user", "delete-user" })
                {
                    (a, b) = await FreshUserAsync(command);
                    var run = await services[w].RunCommandInTestProcessAsync(command, "--email", a.Email);
                    Assert.True(run.ExitCode == 0, $"{command}: {run.Output} {run.Errors}");
                    await ExpectAsync(command, a, x => x.IsSignedOut);
                    await ExpectAsync(command, b, x => x.IsSignedOut);
                }
            }
        }
        finally
        {
            foreach (var (kind, list) in latencies)
            {
                output.WriteLine($"{kind}: seen on the other instances {SessionCacheAdmin.Percentiles(list)}");
            }

            foreach (var disposable in writers.Cast<IDisposable>().Concat(traffic))
            {
                disposable.Dispose();
            }
        }

        Assert.Equal(10, latencies.Count); // sign-out, three revocations, password, profile, refresh, three operator commands
    }
}
