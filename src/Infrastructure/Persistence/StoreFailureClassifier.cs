using System.Net.Sockets;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Separates "the database cannot answer right now" (503, retry later) from bugs (500). Connection
/// failures, pool exhaustion, timeouts and server shutdowns are the former; SQL errors are the latter.
/// </summary>
public sealed class StoreFailureClassifier : IStoreFailureClassifier
{
    public bool IsStoreUnavailable(Exception exception) => exception switch
    {
        UniqueConstraintViolationException => false,
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        NpgsqlException => true, // network, pool exhaustion, timeouts: no server verdict at all
        TimeoutException or SocketException or IOException => true,
        RetryLimitExceededException => true,
        DbUpdateConcurrencyException => false,
        _ => exception.InnerException is { } inner && IsStoreUnavailable(inner),
    };

    /// <summary>SQLSTATE classes that mean the server cannot serve us now, not that our SQL is wrong.</summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (too many connections, ...)
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
        || sqlState == PostgresErrorCodes.QueryCanceled // statement timeout
        || sqlState == PostgresErrorCodes.LockNotAvailable
        || sqlState == PostgresErrorCodes.SerializationFailure
        || sqlState == PostgresErrorCodes.DeadlockDetected
        || sqlState == PostgresErrorCodes.ReadOnlySqlTransaction; // failover: connected to a standby
}
