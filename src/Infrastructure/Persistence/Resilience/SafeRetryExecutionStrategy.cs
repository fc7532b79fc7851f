using Microsoft.EntityFrameworkCore.Storage;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>
/// The retry policy for every EF Core operation (docs/adr/0030-database-resilience.md). An operation is
/// tried again only when doing so cannot apply a write twice:
/// <list type="bullet">
/// <item>the connection never opened (refused, reset during connect, server starting or full): nothing was sent;</item>
/// <item>the server aborted the transaction itself (terminated backend, shutdown, serialization failure, deadlock);</item>
/// <item>the failed command was a read and the connection broke under it.</item>
/// </list>
/// A write whose connection broke with no verdict from the server, and every timeout (pool exhausted,
/// slow or locked database), is not retried: the request fails fast with 503 and the client decides.
/// Delays are short because the pool was already cleared of dead connections when the failure was seen.
/// Inside a transaction the caller started itself nothing is retried (the work before the failure died
/// with the connection), and such transactions are allowed, unlike with EF Core's retrying strategies.
/// </summary>
public sealed class SafeRetryExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
    : ExecutionStrategy(dependencies, maxRetryCount, MaxDelay)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="exception"/> allows another attempt, by the rules above.</summary>
    public static bool AllowsRetry(Exception exception)
    {
        if (DatabaseFailure.IsServerAbort(exception))
        {
            return true;
        }

        if (!DatabaseFailure.IsConnectionFailure(exception))
        {
            return false;
        }

        return FailureMarks.WasNotSent(exception) || FailureMarks.WasRead(exception);
    }

    private bool _inUserTransaction;

    protected override bool ShouldRetryOn(Exception exception) => !_inUserTransaction && AllowsRetry(exception);

    /// <summary>
    /// EF Core's retrying strategies refuse to run inside a user-started transaction; this one runs the
    /// operation once instead, so code that needs an explicit transaction (e.g. around a
    /// transaction-level advisory lock) works unchanged.
    /// </summary>
    protected override void OnFirstExecution()
    {
        var database = Dependencies.CurrentContext.Context.Database;
        _inUserTransaction = database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null;
        if (_inUserTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    /// <summary>50 ms, 200 ms, 800 ms, ... capped at one second.</summary>
    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (base.GetNextDelay(lastException) is null)
        {
            return null;
        }

        return DelayBefore(ExceptionsEncountered.Count);
    }

    /// <summary>The pause before the attempt after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan DelayBefore(int attempt)
    {
        var delay = TimeSpan.FromMilliseconds(50 * Math.Pow(4, attempt - 1));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
