using AuthPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Keeps <see cref="InProcessSessionCache"/> coherent: LISTENs on a direct connection for the change
/// notifications the database's triggers send in the same transaction as every write to a session or a
/// user, and proves the connection alive with a heartbeat. The cache answers only while this listener
/// is subscribed and recently heard from; on any failure it is bypassed at once and, once subscribed
/// again, starts empty (NOTIFY does not keep what was sent while nobody listened).
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
                LogListenerLost(logger, ex.GetType().Name, (ex as PostgresException)?.SqlState ?? "-", failures + 1);
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
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => Apply(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Subscribed before the cache starts (empty): every change committed from here on reaches us.
        cache.StartServing();
        subscribed();
        LogListening(logger, DatabaseConnectionString.Describe(connectionString));

        var heartbeat = cacheOptions.Value.HeartbeatInterval;
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        var lastPing = Environment.TickCount64;
        try
        {
            while (true)
            {
                var idle = heartbeat.TotalMilliseconds - (Environment.TickCount64 - lastPing);
                if (idle <= 0)
                {
                    // Notifications committed before the server read this ping are delivered before its answer.
                    lastPing = Environment.TickCount64;
                    await ping.ExecuteScalarAsync(stoppingToken);
                    cache.Confirm(lastPing);
                    continue;
                }

                await connection.WaitAsync((int)Math.Ceiling(idle), stoppingToken);
            }
        }
        catch
        {
            // Stop answering from memory first, before anything else (disposing the connection) can yield.
            cache.StopServing();
            throw;
        }
    }

    private void Apply(string payload)
    {
        // "s:<session id>:<user id>" or "u:<user id>"; ids only, never a token or its digest.
        var parts = payload.Split(':');
        switch (parts)
        {
            case ["s", var sessionId, var userId]:
                cache.SessionChanged(sessionId, userId);
                break;
            case ["u", var userId]:
                cache.UserChanged(userId);
                break;
            default:
                // Something this version does not know: the only safe reading is "anything may have changed".
                cache.StartServing();
                break;
        }
    }

    private static string BuildConnectionString(DatabaseOptions options)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session cache bypassed: the change listener's connection failed ({Error}, SQLSTATE {SqlState}, attempt {Attempt}); reconnecting, and the cache starts empty once subscribed again.")]
    private static partial void LogListenerLost(ILogger logger, string error, string sqlState, int attempt);
}
