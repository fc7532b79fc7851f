using System.Net.Sockets;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>
/// What kind of database failure an exception is, for the retry policy and pool recovery. The 503
/// mapping is <see cref="StoreFailureClassifier"/>'s job; this only answers "is it worth another
/// attempt, and may the pool's connections be dead".
/// </summary>
public static class DatabaseFailure
{
    /// <summary>
    /// The connection itself failed: refused, reset, closed by the server (restart, pg_terminate_backend,
    /// failover), or the server refused new connections. Timeouts are not connection failures: they mean
    /// an overloaded or blocked database, and another attempt would only add load and latency.
    /// </summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException postgres => IsConnectionState(postgres.SqlState),
        NpgsqlException { InnerException: TimeoutException } => false,
        NpgsqlException { InnerException: { } inner } => inner is SocketException or IOException || IsConnectionFailure(inner),
        SocketException or EndOfStreamException => true,
        IOException { InnerException: SocketException } => true,
        _ => exception.InnerException is { } nested && IsConnectionFailure(nested),
    };

    /// <summary>
    /// The server itself says it did not commit our work: it aborted the transaction before or while
    /// running it (terminated backend, shutdown, serialization failure, deadlock). Running it again
    /// cannot apply it twice.
    /// </summary>
    public static bool IsServerAbort(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.TooManyConnections,
        _ => exception.InnerException is { } nested && IsServerAbort(nested),
    };

    /// <summary>A serialization failure or deadlock: the server rolled back; a new attempt usually succeeds.</summary>
    public static bool IsTransientConflict(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => exception.InnerException is { } nested && IsTransientConflict(nested),
    };

    private static bool IsConnectionState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        || sqlState == PostgresErrorCodes.TooManyConnections;
}
