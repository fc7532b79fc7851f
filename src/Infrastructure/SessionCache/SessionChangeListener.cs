using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Keeps <see cref="InProcessSessionCache"/> coherent: LISTENs on a direct connection for the change
/// notifications the database's triggers send in the same transaction as every write to a session or a
/// user, and proves the subscription with a heartbeat notification that must come back to it
/// (<see cref="ListenerHeartbeat"/>). The cache answers only while this listener is subscribed and
/// recently heard from; on any failure (connection lost, heartbeat not echoed) it is bypassed at once and,
/// once a heartbeat comes back again, starts empty (NOTIFY does not keep what was sent while nobody listened).
/// </summary>
public sealed partial class SessionChangeListener(
    InProcessSessionCache cache,
    IOptions<SessionCacheOptions> cacheOptions,
    IOptions<DatabaseOptions> databaseOptions,
    ILogger<SessionChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the triggers notify (migration SessionChangeNotifications).</summary>
    public const string Channel = "auth_session_changes";

    /// <summary>Application name of the listener connection, so operators (and tests) can find it in pg_stat_activity.</summary>
    public const string ApplicationName = "authplatform-session-listener";

    private static readonly TimeSpan[] ReconnectDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>Why the cache is off with these settings, or null when it runs.</summary>
    public static string? OffReason(SessionCacheOptions cache, DatabaseOptions database) =>
        !cache.Enabled ? "SessionCache:Enabled is false"
        : string.IsNullOrWhiteSpace(database.ListenUrl) && database.Pooler
            ? "the database URL goes through a transaction-mode pooler (Database:Pooler=true), which cannot LISTEN, and no direct listener connection is set (DATABASE_LISTEN_URL)"
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (OffReason(cacheOptions.Value, databaseOptions.Value) is { } reason)
        {
            LogCacheOff(logger, reason);
            return;
        }

        var connectionString = BuildConnectionString(databaseOptions.Value);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.StopServing();
                Report(ex, failures + 1, connectionString);
            }
            finally
            {
                cache.StopServing();
            }

            try
            {
                await Task.Delay(ReconnectDelays[Math.Min(failures++, ReconnectDelays.Length - 1)], stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ListenAsync(string connectionString, Action subscribed, CancellationToken stoppingToken)
    {
        var interval = (long)cacheOptions.Value.HeartbeatInterval.TotalMilliseconds;

        // The sender first: once the listener shows in pg_stat_activity, only its LISTEN and one echo remain.
        await using var heartbeat = await ListenerHeartbeat.OpenAsync(connectionString, InProcessSessionCache.SilenceBound(cacheOptions.Value), stoppingToken);
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            if (e.Channel != heartbeat.Channel)
            {
                cache.Apply(e.Payload);
                return;
            }

            var first = !heartbeat.EverEchoed;
            if (heartbeat.Echoed(e.Payload) is not { } sentAt)
            {
                return;
            }

            if (first)
            {
                // The subscription is proven, not only the connection: start (empty); every change
                // committed from here on reaches us.
                cache.StartServing();
                subscribed();
                LogListening(logger, DatabaseConnectionString.Describe(connectionString));
            }
            else
            {
                // Notifications committed before the heartbeat was sent arrived before its echo.
                cache.Confirm(sentAt);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {heartbeat.Channel}", connection))
        {
            // One round trip, so both subscriptions land on the same server session even behind a pooler.
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        try
        {
            await heartbeat.SendAsync(stoppingToken); // the cache serves once this one is back
            while (true)
            {
                heartbeat.ThrowIfOverdue();
                long idle;
                if (heartbeat.AwaitingEcho)
                {
                    idle = heartbeat.UntilOverdue() + 1;
                }
                else if ((idle = heartbeat.SentAt + interval - Environment.TickCount64) <= 0)
                {
                    await heartbeat.SendAsync(stoppingToken);
                    continue;
                }

                await connection.WaitAsync((int)Math.Clamp(idle, 1, int.MaxValue), stoppingToken);
            }
        }
        catch
        {
            // Stop answering from memory first, before anything else (disposing the connection) can yield.
            cache.StopServing();
            throw;
        }
    }

    private void Report(Exception failure, int attempt, string connectionString)
    {
        var notEchoed = failure as HeartbeatNotEchoedException;
        AuthMetrics.SessionListenerFailed(notEchoed is null ? AuthMetrics.ListenerFailure.ConnectionLost : AuthMetrics.ListenerFailure.HeartbeatNotEchoed);

        // The first failures of a streak, then the 4th, 8th, 16th...: a lasting misconfiguration does not flood the log.
        if (attempt > 2 && (attempt & (attempt - 1)) != 0)
        {
            return;
        }

        var boundMs = (long)InProcessSessionCache.SilenceBound(cacheOptions.Value).TotalMilliseconds;
        switch (notEchoed)
        {
            case { EverEchoed: false }:
                LogNeverEchoed(logger, DatabaseConnectionString.Describe(connectionString), boundMs, attempt);
                break;
            case not null:
                LogEchoLost(logger, boundMs, attempt);
                break;
            default:
                LogListenerLost(logger, failure.GetType().Name, (failure as PostgresException)?.SqlState ?? "-", attempt);
                break;
        }
    }

    /// <summary>The listener's own connection (also what `doctor` probes).</summary>
    internal static string BuildConnectionString(DatabaseOptions options)
    {
        var url = string.IsNullOrWhiteSpace(options.ListenUrl) ? options.Url : options.ListenUrl;
        if (!DatabaseUrl.TryParse(url, out var builder, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        // One long-lived connection of its own, outside the pool, with TCP keepalives so a dead peer is noticed.
        builder.Pooling = false;
        builder.ApplicationName = ApplicationName;
        builder.Timeout = options.ConnectionTimeoutSeconds;
        builder.CommandTimeout = options.CommandTimeoutSeconds;
        builder.TcpKeepAlive = true;
        return builder.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cache off: {Reason}; every session check reads PostgreSQL.")]
    private static partial void LogCacheOff(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session cache on: listening for session changes on {Database}.")]
    private static partial void LogListening(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cache bypassed: the change listener on {Database} is connected but its heartbeat notification never came back within {BoundMs} ms (attempt {Attempt}), so it would not hear of revocations either. A transaction-mode pooler (PgBouncer pool_mode=transaction, a provider's pooled endpoint) in front of it does this: LISTEN does not stay with the connection. Point DATABASE_LISTEN_URL at PostgreSQL directly (or a session-mode pooler); until then every session check reads PostgreSQL.")]
    private static partial void LogNeverEchoed(ILogger logger, string database, long boundMs, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cache bypassed: the change listener's heartbeat notification did not come back within {BoundMs} ms (attempt {Attempt}); reconnecting, and the cache starts empty once a heartbeat comes back again.")]
    private static partial void LogEchoLost(ILogger logger, long boundMs, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cache bypassed: the change listener's connection failed ({Error}, SQLSTATE {SqlState}, attempt {Attempt}); reconnecting, and the cache starts empty once subscribed again.")]
    private static partial void LogListenerLost(ILogger logger, string error, string sqlState, int attempt);
}
