using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// A PostgreSQL transaction-level advisory lock around rotation: a second instance waits until the first
/// commits, then sees its new key and has nothing to do. The lock ends with the transaction, so a
/// crashed instance never leaves it held. (A unique index on signing_keys.succeeds_key_id backs this up:
/// a key can never get two successors.)
/// </summary>
public sealed class SigningKeyRotationLock(AuthDbContext db) : ISigningKeyRotationLock
{
    /// <summary>Arbitrary, fixed: "AUTHKEYS" in ASCII.</summary>
    public const long LockKey = 0x4155_5448_4B45_5953;

    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({LockKey})", cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
