using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// The credential row's lock (SELECT ... FOR UPDATE) around the work of one transaction; see
/// <see cref="IPasswordCredentialLock"/> and docs/adr/0087-password-change-against-concurrent-sign-in.md.
/// A row lock ends with its transaction, so it works behind a transaction-mode pooler and a crashed
/// instance never leaves it held.
/// </summary>
public sealed class PasswordCredentialLock(AuthDbContext db) : IPasswordCredentialLock
{
    public async Task<T> RunLockedAsync<T>(string userId, Func<string?, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hashes = await db.Database
            .SqlQuery<string>($"select password_hash as \"Value\" from password_credentials where user_id = {userId} for update")
            .ToListAsync(cancellationToken);
        var result = await work(hashes.Count == 0 ? null : hashes[0], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
