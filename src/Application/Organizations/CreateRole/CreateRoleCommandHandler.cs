using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.CreateRole;

/// <summary>BetterAuth's checks in its order; the count and the name are decided under the organization's row lock.</summary>
internal sealed class CreateRoleCommandHandler(
    IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock,
    IOptions<OrganizationOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateRoleCommand, Result<CreatedRole>>
{
    public async ValueTask<Result<CreatedRole>> Handle(CreateRoleCommand command, CancellationToken cancellationToken)
    {
        var name = OrganizationRole.NormalizeName(command.Role)!;
        if (roles.IsPredefined(name))
        {
            return Errors.Organizations.RoleNameTaken;
        }

        var organizationId = access.Required.Id;
        var permission = command.Permission!;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            if (options.Value.DynamicAccessControl.MaximumRolesPerOrganization is { } maximum
                && await db.OrganizationRoles.CountAsync(r => r.OrganizationId == organizationId, ct) >= maximum)
            {
                return (Result<CreatedRole>)Errors.Organizations.TooManyRoles;
            }

            if (OrganizationRoleRules.PermissionRefusal(roles, access.Roles, access.Member.Role, permission, Errors.Organizations.NotAllowedToCreateRole) is { } refusal)
            {
                return refusal;
            }

            if (await db.OrganizationRoles.AnyAsync(r => r.OrganizationId == organizationId && r.Role == name, ct))
            {
                return Errors.Organizations.RoleNameTaken;
            }

            var role = OrganizationRole.Define(organizationId, name, OrganizationRoleRules.Serialize(permission), clock.GetUtcNow());
            db.OrganizationRoles.Add(role);
            audit.Record(AuditEventTypes.OrganizationRoleCreated, subjectUserId: null, reason: name, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            var answer = OrganizationRoleDto.Of(role);
            return new CreatedRole(true, answer, answer.Permission);
        }, cancellationToken);
    }
}
