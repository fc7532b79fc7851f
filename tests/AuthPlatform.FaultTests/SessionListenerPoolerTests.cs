using System.Diagnostics;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The session listener's connection behind PgBouncer in transaction mode, as a misconfigured deployment
/// would have it: LISTEN stays on whichever server connection the pooler lent for it, and notifications
/// reach the listener only while that one happens to be lent to it again. A heartbeat that only proves the
/// connection (SELECT 1) keeps passing there while revocations are lost. The instance must notice (its
/// heartbeat notification does not come back), say so, and answer nothing from memory: a session revoked
/// in the database is refused within the propagation bound, every time.
/// </summary>
public sealed class SessionListenerPoolerTests(ITestOutputHelper output)
{
    private const int Trials = 3;

    [Theory]
    [InlineData(false)] // only DATABASE_LISTEN_URL goes through the pooler
    [InlineData(true)] // the whole service goes through it, DATABASE_LISTEN_URL included
    public async Task Behind_a_transaction_pooler_a_revoked_session_is_never_answered_from_memory(bool wholeService)
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var bouncer = await PgBouncer.StartAsync(bed.Cluster.Port, serverConnections: 2);
        var pooled = bouncer.ConnectionString(FaultTestBed.DatabaseName);
        await using var service = await ServiceInstance.StartAsync(wholeService ? pooled : bed.ServiceDatabaseUrl, new Dictionary<string, string?>
        {
            ["AUTH_DATABASE_POOLER"] = wholeService ? "true" : null,
            ["DATABASE_LISTEN_URL"] = pooled,
        });
        await AwaitListenerAtPoolerAsync(bouncer);

        var recorder = new LoadRecorder();
        using var traffic = new AuthTraffic(service.BaseAddress, recorder);
        using var reader = new SessionWrites(service.BaseAddress);
        var users = await FaultTestBed.SignUpUsersAsync(traffic, Trials, "pooled-listener");
        var refusals = new List<TimeSpan>();
        var revoked = new List<string>();
        foreach (var user in users)
        {
            var session = await traffic.SignInAsync(0, user.Email) ?? throw new InvalidOperationException("sign-in failed");
            revoked.Add(session.Token);
            await reader.WarmAsync(session);

            // Revoked by SQL with the triggers on: an instance that hears notifications drops it, one that
            // does not must not be answering from memory in the first place.
            await SessionCacheAdmin.RevokeAsync(bed.ConnectionString, user.UserId);
            refusals.Add(await reader.AwaitAsync(session, x => x.IsSignedOut, "a revocation in the database"));
            Assert.True((await reader.GetSessionAsync(session)).IsSignedOut, "a revoked session came back");
        }

        output.WriteLine($"{Trials} revocations in the database, refused after {SessionCacheAdmin.Percentiles(refusals)}");

        // The start-up log says why the cache is bypassed and what to do, and names no token.
        var logged = Stopwatch.StartNew();
        string? line;
        while ((line = service.Process.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains("heartbeat notification never came back", StringComparison.Ordinal))) is null)
        {
            Assert.True(logged.Elapsed < TimeSpan.FromSeconds(30), "the instance never said that its listener hears no notifications");
            await Task.Delay(100);
        }

        output.WriteLine(line);
        Assert.Contains("transaction-mode pooler", line, StringComparison.Ordinal);
        Assert.Contains("DATABASE_LISTEN_URL", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Session cache on", service.Process.StandardOutput, StringComparison.Ordinal);
        foreach (var token in users.Select(u => u.Token).Concat(revoked))
        {
            Assert.DoesNotContain(token, service.Process.StandardOutput, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(recorder.Results, r => r.Status >= 500 || r.Status == 0);
    }

    /// <summary>Waits until the listener is a client of the pooler (its application name in SHOW CLIENTS).</summary>
    private static async Task AwaitListenerAtPoolerAsync(PgBouncer bouncer)
    {
        var clock = Stopwatch.StartNew();
        while (!(await bouncer.AdminAsync("SHOW CLIENTS")).Contains(SessionCacheAdmin.ListenerApplicationName, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the session listener did not connect to the pooler");
            await Task.Delay(50);
        }

        // Connected is not yet subscribed: give the LISTEN a moment.
        await Task.Delay(200);
    }
}
