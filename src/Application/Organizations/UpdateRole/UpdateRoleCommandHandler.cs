using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.UpdateRole;

/// <summary>
/// BetterAuth's checks; besides, a role that members hold keeps its name (renaming would silently take their
/// grants away, and a new role of the old name would hand them others). Under the organization's row lock, which
/// update-member-role also takes.
/// </summary>
internal sealed class UpdateRoleCommandHandler(
    IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<UpdateRoleCommand, Result<UpdatedRole>>
{
    public async ValueTask<Result<UpdatedRole>> Handle(UpdateRoleCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var role = await OrganizationRoleLookup.FindAsync(db, organizationId, command.RoleName, command.RoleId, tracked: true, ct);
            if (role is null)
            {
                return (Result<UpdatedRole>)Errors.Organizations.RoleNotFound;
            }

            if (command.Permission is { } permission
                && OrganizationRoleRules.PermissionRefusal(roles, access.Roles, access.Member.Role, permission, Errors.Organizations.NotAllowedToUpdateRole) is { } refusal)
            {
                return refusal;
            }

            var newName = command.NewName is null ? null : OrganizationRole.NormalizeName(command.NewName)!;
            if (newName is not null && newName != role.Role)
            {
                if (roles.IsPredefined(newName) || await db.OrganizationRoles.AnyAsync(r => r.OrganizationId == organizationId && r.Role == newName, ct))
                {
                    return Errors.Organizations.RoleNameTaken;
                }

                if (await OrganizationRoleRules.InUseAsync(db, organizationId, role.Role, clock.GetUtcNow(), ct) is { } inUse)
                {
                    return inUse;
                }
            }

            role.Change(newName, command.Permission is { } p ? OrganizationRoleRules.Serialize(p) : null, clock.GetUtcNow());
            audit.Record(AuditEventTypes.OrganizationRoleUpdated, subjectUserId: null, reason: role.Role, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return new UpdatedRole(true, OrganizationRoleDto.Of(role));
        }, cancellationToken);
    }
}
