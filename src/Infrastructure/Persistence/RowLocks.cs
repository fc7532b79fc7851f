using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Row locks (SELECT ... FOR UPDATE) around the work of one transaction: a user's (<see cref="IUserRowLock"/>) or an API key's (<see cref="IApiKeyRowLock"/>).
/// A row lock ends with its transaction, so it works behind a transaction-mode pooler and a crashed
/// instance never leaves it held.
/// </summary>
public sealed class RowLocks(AuthDbContext db) : IUserRowLock, IApiKeyRowLock, IOrganizationRowLock
{
    public Task<T> RunLockedAsync<T>(string userId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunLockedAsync(db.Database.SqlQuery<string>($"select id as \"Value\" from users where id = {userId} for update"), work, cancellationToken);

    Task<T> IApiKeyRowLock.RunLockedAsync<T>(string keyId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunLockedAsync(db.Database.SqlQuery<string>($"select id as \"Value\" from api_keys where id = {keyId} for update"), work, cancellationToken);

    Task<T> IOrganizationRowLock.RunLockedAsync<T>(string organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunLockedAsync(db.Database.SqlQuery<string>($"select id as \"Value\" from organizations where id = {organizationId} for update"), work, cancellationToken);

    private async Task<T> RunLockedAsync<T>(IQueryable<string> lockRow, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await lockRow.ToListAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
