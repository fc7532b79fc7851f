using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.DeleteRole;

/// <summary>Never a configured role, never one in use (<see cref="OrganizationRoleRules.InUseAsync"/>, under the organization's row lock).</summary>
internal sealed class DeleteRoleCommandHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<DeleteRoleCommand, Result<DeletedRole>>
{
    public async ValueTask<Result<DeletedRole>> Handle(DeleteRoleCommand command, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(command.RoleName) && roles.IsPredefined(command.RoleName))
        {
            return Errors.Organizations.CannotDeletePredefinedRole;
        }

        var organizationId = access.Required.Id;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var role = await OrganizationRoleLookup.FindAsync(db, organizationId, command.RoleName, command.RoleId, tracked: true, ct);
            if (role is null)
            {
                return (Result<DeletedRole>)Errors.Organizations.RoleNotFound;
            }

            if (await OrganizationRoleRules.InUseAsync(db, organizationId, role.Role, clock.GetUtcNow(), ct) is { } inUse)
            {
                return inUse;
            }

            db.OrganizationRoles.Remove(role);
            audit.Record(AuditEventTypes.OrganizationRoleDeleted, subjectUserId: null, reason: role.Role, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return new DeletedRole(true);
        }, cancellationToken);
    }
}
