using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.SetUserRole;

internal sealed class SetUserRoleCommandHandler(IAuthDbContext db, AdminAuthorization authorization, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<SetUserRoleCommand, Result<UserRoleSet>>
{
    public async ValueTask<Result<UserRoleSet>> Handle(SetUserRoleCommand command, CancellationToken cancellationToken)
    {
        var roles = RoleNames.Parse(command.Role);
        if (!roles.All(authorization.IsKnownRole))
        {
            return Errors.Admin.NonExistentRole;
        }

        var email = EmailAddress.Parse(command.Email!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.Value, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        user.SetRole(RoleNames.Join(roles), clock.GetUtcNow());
        audit.Record(AuditEventTypes.RoleChanged, user.Id, reason: user.Role);
        await db.SaveChangesAsync(cancellationToken);
        return new UserRoleSet(user.Id, user.Role);
    }
}
