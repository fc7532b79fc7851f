using AuthPlatform.Infrastructure.Persistence.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>What one run removed from one table.</summary>
public sealed record CleanupResult(string Table, long Removed, int Batches);

/// <summary>
/// One cleanup run: for each target, DELETEs of at most BatchSize rows, each in its own short transaction
/// that first takes a transaction-level advisory lock without waiting. If another instance holds it, this
/// run stops: one instance at a time deletes, and the lock never outlives a transaction (so it works
/// behind a transaction-mode pooler and a crash never leaves it held). See docs/adr/0088-cleanup-job.md.
/// </summary>
public sealed partial class DatabaseCleanup(
    SqlCommandRetry sql,
    CleanupTargets targets,
    IOptions<CleanupOptions> options,
    TimeProvider clock,
    ILogger<DatabaseCleanup> logger)
{
    /// <summary>Arbitrary, fixed: "AUTHCLNP" in ASCII.</summary>
    public const long LockKey = 0x4155_5448_434C_4E50;

    /// <summary>Runs once; null when another instance was cleaning up at the time.</summary>
    public async Task<IReadOnlyList<CleanupResult>?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var results = new List<CleanupResult>();
        foreach (var target in targets.All)
        {
            var sql = $"delete from {target.Table} where ctid = any(array(select ctid from {target.Table} where {target.Predicate} limit $2))";
            var cutoff = target.Cutoff(now);
            long removed = 0;
            var batches = 0;
            while (batches < settings.MaxBatchesPerRun)
            {
                var deleted = await DeleteBatchAsync(sql, cutoff, settings.BatchSize, cancellationToken);
                if (deleted is null)
                {
                    Busy(logger);
                    return null;
                }

                batches++;
                removed += deleted.Value;
                if (deleted.Value < settings.BatchSize)
                {
                    break;
                }
            }

            results.Add(new CleanupResult(target.Table, removed, batches));
            if (removed > 0)
            {
                Removed(logger, removed, target.Table, batches);
            }
        }

        return results;
    }

    /// <summary>Rows deleted, or null when the lock is held elsewhere.</summary>
    private Task<int?> DeleteBatchAsync(string deleteSql, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken) =>
        sql.RunAsync<int?>(SqlCommandKind.Write, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand($"select pg_try_advisory_xact_lock({LockKey})", connection, transaction))
            {
                if (await lockCommand.ExecuteScalarAsync(ct) is not true)
                {
                    return null;
                }
            }

            await using var delete = new NpgsqlCommand(deleteSql, connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            delete.Parameters.Add(new NpgsqlParameter { Value = batchSize });
            var deleted = await delete.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return deleted;
        }, cancellationToken);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Cleanup removed {Removed} rows from {Table} in {Batches} batches")]
    private static partial void Removed(ILogger logger, long removed, string table, int batches);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Debug, Message = "Cleanup skipped: another instance is cleaning up")]
    private static partial void Busy(ILogger logger);
}
