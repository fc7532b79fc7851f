using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.LeaveOrganization;

internal sealed class LeaveOrganizationCommandHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOrganizationRowLock rowLock, AuditTrail audit)
    : ICommandHandler<LeaveOrganizationCommand, Result<MemberWithUserDto>>
{
    public async ValueTask<Result<MemberWithUserDto>> Handle(LeaveOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var answer = await MemberQueries.OneAsync(db, organizationId, access.Member.Id, cancellationToken);
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var members = await db.Members.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
            var leaving = members.FirstOrDefault(m => m.Id == access.Member.Id);
            if (leaving is null || answer is null)
            {
                return (Result<MemberWithUserDto>)Errors.Organizations.MemberNotFound;
            }

            if (OrganizationOwners.CanLeave(members, leaving, roles.CreatorRole) == OwnerChange.WouldLoseLastOwner)
            {
                return Errors.Organizations.OnlyOwnerCannotLeave;
            }

            db.Members.Remove(leaving);
            audit.Record(AuditEventTypes.MemberLeft, leaving.UserId, organizationId: organizationId);
            await MemberDeparture.ClearActiveAsync(db, leaving, ct);
            await db.SaveChangesAsync(ct);
            return answer;
        }, cancellationToken);
    }
}
