using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// Deletes a user (the operator's delete-user, an administrator's remove-user): sessions revoked and the user
/// deleted in one transaction, so no moment exists where the user is gone but a session of theirs still
/// authenticates (the session rows go with the user, by cascade). Saves.
/// </summary>
public static class UserRemoval
{
    public static async Task<int> RemoveAsync(IAuthDbContext db, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.UserDisabled, now, cancellationToken);
        db.PasswordCredentials.RemoveRange(await db.PasswordCredentials.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken));
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
