using System.Diagnostics;
using AuthPlatform.Testing.Faults;
using Npgsql;

namespace AuthPlatform.FaultTests;

/// <summary>Database-side moves of the session cache tests: writes that notify nobody, and cutting the listeners off.</summary>
public static class SessionCacheAdmin
{
    /// <summary>The listener connections' application name (SessionChangeListener.ApplicationName).</summary>
    public const string ListenerApplicationName = "authplatform-session-listener";

    /// <summary>The listener's heartbeat sender (ListenerHeartbeat.ApplicationName), its second connection.</summary>
    public const string HeartbeatApplicationName = "authplatform-session-heartbeat";

    /// <summary>
    /// Revokes a session with triggers off (session_replication_role = replica), so no cache hears of it:
    /// only an instance that reads the row sees the revocation.
    /// </summary>
    public static Task RevokeSilentlyAsync(string adminConnectionString, string userId) => RevokeAsync(adminConnectionString, userId, notify: false);

    /// <summary>
    /// Revokes the user's sessions by SQL, as an operator would: the triggers notify every listener that
    /// hears notifications, and <paramref name="notify"/> false turns them off.
    /// </summary>
    public static async Task RevokeAsync(string adminConnectionString, string userId, bool notify = true)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!notify)
        {
            await using var off = new NpgsqlCommand("set local session_replication_role = replica", connection, transaction);
            await off.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(
            "update sessions set revoked_at = now(), revocation_reason = 'RevokedByOperator' where user_id = $1 and revoked_at is null",
            connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = userId });
            Assert.True(await command.ExecuteNonQueryAsync() > 0, "no session to revoke");
        }

        await transaction.CommitAsync();
    }

    /// <summary>pg_terminate_backend on every listener connection, waiting until each backend is gone; returns how many.</summary>
    public static Task<long> TerminateListenersAsync(string adminConnectionString) =>
        DatabaseAdmin.ScalarAsync<long>(adminConnectionString,
            $"select count(*) from (select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = '{ListenerApplicationName}') t");

    public static Task<long> CountListenersAsync(string adminConnectionString) =>
        DatabaseAdmin.ScalarAsync<long>(adminConnectionString, $"select count(*) from pg_stat_activity where application_name = '{ListenerApplicationName}'");

    /// <summary>Waits until <paramref name="expected"/> listeners are connected; returns how long that took.</summary>
    public static async Task<TimeSpan> AwaitListenersAsync(string adminConnectionString, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (await CountListenersAsync(adminConnectionString) != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{expected} session listeners did not (re)connect");
            await Task.Delay(20);
        }

        // Connected is not yet subscribed: give the LISTEN and the cache's restart a moment.
        await Task.Delay(200);
        return clock.Elapsed;
    }

    public static string Percentiles(IReadOnlyCollection<TimeSpan> samples)
    {
        if (samples.Count == 0)
        {
            return "no samples";
        }

        var ms = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        double At(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        return FormattableString.Invariant($"n={ms.Length} p50={At(0.5):F1} ms p99={At(0.99):F1} ms max={ms[^1]:F1} ms");
    }
}
