using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Operators.DisableUser;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Users.DeleteUser;

internal sealed class DeleteUserCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
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

        audit.Record(AuditEventTypes.UserRemoved, user.Id, reason: "delete-user");
        var revoked = await UserRemoval.RemoveAsync(db, user, clock.GetUtcNow(), cancellationToken);
        return new UserAccessRemoved(user.Id, revoked);
    }
}
