using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// The user row's lock (SELECT ... FOR UPDATE) around the work of one transaction; see <see cref="IUserRowLock"/>.
/// A row lock ends with its transaction, so it works behind a transaction-mode pooler and a crashed
/// instance never leaves it held.
/// </summary>
public sealed class UserRowLock(AuthDbContext db) : IUserRowLock
{
    public async Task<T> RunLockedAsync<T>(string userId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database
            .SqlQuery<string>($"select id as \"Value\" from users where id = {userId} for update")
            .ToListAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
