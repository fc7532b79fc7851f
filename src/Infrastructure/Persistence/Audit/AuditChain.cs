using AuthPlatform.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.Persistence.Audit;

/// <summary>
/// Seals the audit trail: gives each unsealed event, in insertion order, the next position and the digest chained to
/// the one before (docs/adr/0139-audit-trail.md). One instance at a time (a transaction-level advisory lock taken
/// without waiting), so positions never fork; events are written unchained, so a request never waits for this.
/// </summary>
public sealed class AuditChain(IDbContextFactory<AuthDbContext> contexts)
{
    /// <summary>Arbitrary, fixed: "AUTHAUDT" in ASCII.</summary>
    public const long LockKey = 0x4155_5448_4155_4454;

    public const int BatchSize = 500;

    /// <summary>Events sealed by this run; null when another instance was sealing.</summary>
    public async Task<int?> SealAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQuery<bool>($"select pg_try_advisory_xact_lock({LockKey}) as \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return (int?)null;
            }

            var unsealed = await db.AuditEvents.Where(e => e.Position == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            if (unsealed.Count == 0)
            {
                return 0;
            }

            var last = await db.AuditEvents.AsNoTracking().Where(e => e.Position != null).OrderByDescending(e => e.Position)
                .Select(e => new { e.Position, e.Digest }).FirstOrDefaultAsync(ct);
            var position = last?.Position ?? 0;
            var previous = last?.Digest ?? [];
            foreach (var auditEvent in unsealed)
            {
                auditEvent.Seal(++position, previous);
                previous = auditEvent.Digest!;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return unsealed.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// Walks the sealed chain from its first remaining event: every position present once, in order, and every
    /// digest the one its fields give. Null when intact; otherwise the first break, in words.
    /// </summary>
    public async Task<AuditChainBreak?> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        long? expected = null;
        byte[]? previous = null;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(e => e.Position > after).OrderBy(e => e.Position).Take(2000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return null;
            }

            foreach (var auditEvent in batch)
            {
                var position = auditEvent.Position!.Value;
                if (expected is { } wanted && position != wanted)
                {
                    var missing = position - wanted == 1 ? $"the event at position {wanted} is" : $"the events at positions {wanted} to {position - 1} are";
                    return new AuditChainBreak(auditEvent.Id, position, $"{missing} missing (removed) before event {auditEvent.Id}");
                }

                // The first remaining event is checked against the digest it recorded (the head may have been pruned);
                // every later one against the event actually before it, so removing or editing one breaks the next.
                previous ??= auditEvent.PreviousDigest ?? [];
                if (auditEvent.PreviousDigest is null || !auditEvent.PreviousDigest.AsSpan().SequenceEqual(previous) || !auditEvent.VerifyAfter(previous))
                {
                    return new AuditChainBreak(auditEvent.Id, position, $"event {auditEvent.Id} ({auditEvent.Type}) at position {position} was altered: its digest does not match");
                }

                previous = auditEvent.Digest!;
                expected = position + 1;
                after = position;
            }
        }
    }

    /// <summary>Events written but not yet sealed longer than <paramref name="age"/> ago (the sealer is not running).</summary>
    public async Task<int> CountUnsealedOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.CountAsync(e => e.Position == null && e.OccurredAt < cutoff, cancellationToken);
    }
}

/// <summary>Where the audit chain breaks: the event found there and what is wrong.</summary>
public sealed record AuditChainBreak(long EventId, long Position, string Description);
