using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.DisableUser;

internal sealed class DisableUserCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<DisableUserCommand, Result<UserAccessRemoved>>
{
    public async ValueTask<Result<UserAccessRemoved>> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.Value, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        var now = clock.GetUtcNow();
        user.Disable(now);
        var revoked = await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.UserDisabled, now, cancellationToken);
        audit.Record(AuditEventTypes.UserBanned, user.Id, reason: "disable-user");
        await db.SaveChangesAsync(cancellationToken);
        return new UserAccessRemoved(user.Id, revoked);
    }
}
