using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>What a SQL command does, which decides whether a broken connection under it allows another attempt.</summary>
public enum SqlCommandKind
{
    /// <summary>Changes nothing: tried again after any connection failure.</summary>
    Read,

    /// <summary>Changes rows: tried again only when it never reached the server or the server says it aborted it.</summary>
    Write,
}

/// <summary>
/// The retry policy of <see cref="SafeRetryExecutionStrategy"/> for the commands written in SQL on a
/// request's path (the credential-route counters, the failed sign-in throttle, the key ring's version
/// check). Without it the first such command after the database dropped its connections was handed a dead
/// pooled connection and failed the request, although EF Core's operations beside it recovered
/// (docs/adr/0030-database-resilience.md). Every failure also goes to <see cref="ConnectionPoolRecovery"/>.
/// </summary>
public sealed class SqlCommandRetry(NpgsqlDataSource dataSource, ConnectionPoolRecovery recovery, IOptions<DatabaseOptions> options)
{
    private readonly int _maxRetryCount = options.Value.MaxRetryCount;

    /// <summary>Runs <paramref name="command"/> on an open connection of the pool, again if the rules allow.</summary>
    public async Task<T> RunAsync<T>(SqlCommandKind kind, Func<NpgsqlConnection, CancellationToken, Task<T>> command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var opened = false;
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                opened = true;
                return await command(connection, cancellationToken);
            }
            catch (Exception ex) when (AllowsRetry(ex, kind, opened) && attempt <= _maxRetryCount)
            {
                await Task.Delay(SafeRetryExecutionStrategy.DelayBefore(attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The rules of <see cref="SafeRetryExecutionStrategy.AllowsRetry"/>, told by the kind and whether the
    /// connection opened. Always hands the failure to the pool recovery, also on the last attempt.
    /// </summary>
    private bool AllowsRetry(Exception exception, SqlCommandKind kind, bool opened)
    {
        var connectionFailed = recovery.OnFailure(exception);
        return DatabaseFailure.IsServerAbort(exception) || (connectionFailed && (!opened || kind == SqlCommandKind.Read));
    }
}
