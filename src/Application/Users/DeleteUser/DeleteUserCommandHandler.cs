using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Operators.DisableUser;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Users.DeleteUser;

internal sealed class DeleteUserCommandHandler(IAuthDbContext db, TimeProvider clock)
    : ICommandHandler<DeleteUserCommand, Result<UserAccessRemoved>>
{
    public async ValueTask<Result<UserAccessRemoved>> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.Value, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        var now = clock.GetUtcNow();

        // Revoke and delete in one transaction: no moment exists where the user is gone but a session
        // of theirs still authenticates (the session rows go with the user, by cascade).
        var revoked = await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.UserDisabled, now, cancellationToken);
        db.PasswordCredentials.RemoveRange(await db.PasswordCredentials.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken));
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return new UserAccessRemoved(user.Id, revoked);
    }
}
