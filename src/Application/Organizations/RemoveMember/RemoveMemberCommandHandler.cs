using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.RemoveMember;

internal sealed class RemoveMemberCommandHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock, AuditTrail audit)
    : ICommandHandler<RemoveMemberCommand, Result<RemovedMember>>
{
    public async ValueTask<Result<RemovedMember>> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var key = command.MemberIdOrEmail!;
        string? targetUserId = null;
        if (key.Contains('@'))
        {
            var email = key.Trim().ToLowerInvariant();
            targetUserId = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (targetUserId is null)
            {
                return Errors.Organizations.MemberNotFound;
            }
        }

        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var members = await db.Members.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
            var target = members.FirstOrDefault(m => targetUserId is null ? m.Id == key : m.UserId == targetUserId);
            var actor = members.FirstOrDefault(m => m.Id == access.Member.Id);
            if (target is null || actor is null)
            {
                return (Result<RemovedMember>)Errors.Organizations.MemberNotFound;
            }

            if (OrganizationOwners.CanRemove(members, target, actor, roles.CreatorRole) == OwnerChange.WouldLoseLastOwner)
            {
                return Errors.Organizations.OnlyOwnerCannotLeave;
            }

            db.Members.Remove(target);
            audit.Record(AuditEventTypes.MemberRemoved, target.UserId, organizationId: organizationId);
            await MemberDeparture.ClearActiveAsync(db, target, ct);
            await db.SaveChangesAsync(ct);
            return new RemovedMember(MemberDto.Of(target));
        }, cancellationToken);
    }
}
