using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// A user's ways to sign in: the password, each identity provider's account and each passkey. Removing one
/// never removes the last (the user would be locked out for good). The count and the removal run in one
/// transaction holding the user row's lock, so two concurrent removals of a user's last two ways cannot
/// both pass: the second counts what the first left. unlink-account and delete-passkey both remove here.
/// </summary>
internal sealed class SignInMethodRemoval(IAuthDbContext db, IUserRowLock userLock, AuditTrail audit)
{
    /// <summary>
    /// <paramref name="find"/> looks up the named method under the lock and returns its removal (marking rows
    /// on the context), or null when the user has no such method (<paramref name="notFound"/>). The removal is
    /// written to the audit trail as <paramref name="auditType"/>, in the same transaction.
    /// </summary>
    public Task<Result<bool>> RemoveAsync(string userId, Func<CancellationToken, Task<Action?>> find, Error notFound, Error lastWayIn, string auditType, string? auditReason, CancellationToken cancellationToken) =>
        userLock.RunLockedAsync(userId, async token =>
        {
            var remove = await find(token);
            if (remove is null)
            {
                return Result<bool>.Failure(notFound);
            }

            if (await CountAsync(userId, token) <= 1)
            {
                return Result<bool>.Failure(lastWayIn);
            }

            remove();
            audit.Record(auditType, userId, auditReason);
            await db.SaveChangesAsync(token);
            return Result<bool>.Success(true);
        }, cancellationToken);

    private async Task<int> CountAsync(string userId, CancellationToken cancellationToken) =>
        await db.PasswordCredentials.CountAsync(p => p.UserId == userId, cancellationToken)
        + await db.Accounts.CountAsync(a => a.UserId == userId, cancellationToken)
        + await db.Passkeys.CountAsync(p => p.UserId == userId, cancellationToken);
}
