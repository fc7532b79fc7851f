using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.UpdateMemberRole;

internal sealed class UpdateMemberRoleCommandHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock, AuditTrail audit)
    : ICommandHandler<UpdateMemberRoleCommand, Result<MemberDto>>
{
    public async ValueTask<Result<MemberDto>> Handle(UpdateMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var newRoles = command.Roles;
        if (access.Roles.Unknown(newRoles) is { Count: > 0 } unknown)
        {
            return Errors.Organizations.RoleNotFound.WithMessage("ROLE_NOT_FOUND: " + string.Join(", ", unknown));
        }

        var organizationId = access.Required.Id;
        var actorIsOwner = access.Member.Holds(roles.CreatorRole);
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var members = await db.Members.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
            var target = members.FirstOrDefault(m => m.Id == command.MemberId);
            if (target is null)
            {
                return (Result<MemberDto>)Errors.Organizations.MemberNotFound;
            }

            // Only an owner makes or unmakes an owner (BetterAuth).
            if ((target.Holds(roles.CreatorRole) || newRoles.Contains(roles.CreatorRole, StringComparer.Ordinal)) && !actorIsOwner)
            {
                return Errors.Organizations.NotAllowedToUpdateMember;
            }

            if (OrganizationOwners.ChangeRoles(members, target, newRoles, roles.CreatorRole) == OwnerChange.WouldLoseLastOwner)
            {
                return Errors.Organizations.CannotLeaveWithoutOwner;
            }

            audit.Record(AuditEventTypes.MemberRoleChanged, target.UserId, reason: target.Role, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return MemberDto.Of(target);
        }, cancellationToken);
    }
}
