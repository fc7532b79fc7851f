using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.Admin.SetRole;

internal sealed class SetRoleCommandHandler(IAuthDbContext db, AdminAuthorization authorization, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<SetRoleCommand, Result<AdminUserDto>>
{
    public async ValueTask<Result<AdminUserDto>> Handle(SetRoleCommand command, CancellationToken cancellationToken)
    {
        if (!command.Roles!.All(authorization.IsKnownRole))
        {
            return Errors.Admin.NonExistentRole;
        }

        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var now = clock.GetUtcNow();
        found.Value.SetRole(RoleNames.Join(command.Roles!), now);
        audit.Record(AuditEventTypes.RoleChanged, found.Value.Id, reason: found.Value.Role);
        await db.SaveChangesAsync(cancellationToken);
        return AdminUserDto.Of(found.Value, now);
    }
}
