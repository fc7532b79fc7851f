using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>
/// After a connection failure (database restarted, backends terminated, failover) every idle pooled
/// connection is probably dead too. Clearing the pool makes the next requests open fresh connections,
/// so the service recovers within one request of the database returning instead of failing once per
/// stale connection. Clearing is cheap; the log line is limited to one per interval.
/// </summary>
public sealed partial class ConnectionPoolRecovery(NpgsqlDataSource dataSource, ILogger<ConnectionPoolRecovery> logger)
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);
    private long _lastLogTimestamp;
    private int _suppressed;

    /// <summary>Clears the pool if <paramref name="exception"/> is a connection failure; returns whether it was.</summary>
    public bool OnFailure(Exception exception)
    {
        if (!DatabaseFailure.IsConnectionFailure(exception))
        {
            return false;
        }

        dataSource.Clear();
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogTimestamp);
        if (last != 0 && Stopwatch.GetElapsedTime(last, now) < LogInterval)
        {
            Interlocked.Increment(ref _suppressed);
        }
        else if (Interlocked.CompareExchange(ref _lastLogTimestamp, now, last) == last)
        {
            var innermost = exception;
            while (innermost.InnerException is { } inner)
            {
                innermost = inner;
            }

            PoolCleared(logger, innermost.GetType().Name, innermost.Message, Interlocked.Exchange(ref _suppressed, 0));
        }

        return true;
    }

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning,
        Message = "Database connection failure ({ExceptionType}: {ExceptionMessage}); connection pool cleared so new requests open fresh connections ({SuppressedCount} similar failures since the last message)")]
    private static partial void PoolCleared(ILogger logger, string exceptionType, string exceptionMessage, int suppressedCount);
}
