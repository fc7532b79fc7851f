using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.AddTeamMember;

/// <summary>BetterAuth's checks (the user a member, the team in the organization), then the join under the organization's row lock.</summary>
internal sealed class AddTeamMemberCommandHandler(
    IAuthDbContext db, OrganizationAccess access, IOrganizationRowLock rowLock, IOptions<OrganizationOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<AddTeamMemberCommand, Result<TeamMemberDto>>
{
    public async ValueTask<Result<TeamMemberDto>> Handle(AddTeamMemberCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var userId = command.UserId!;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            if (!await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct))
            {
                return (Result<TeamMemberDto>)Errors.Organizations.UserNotMember;
            }

            if (!await db.Teams.AnyAsync(t => t.Id == command.TeamId && t.OrganizationId == organizationId, ct))
            {
                return Errors.Organizations.TeamNotFound;
            }

            var joined = await TeamMembership.JoinAsync(db, command.TeamId!, userId, options.Value.Teams.MaximumMembersPerTeam, clock.GetUtcNow(), ct);
            if (!joined.IsSuccess)
            {
                return joined.Error!;
            }

            audit.Record(AuditEventTypes.TeamMemberAdded, userId, reason: command.TeamId, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return TeamMemberDto.Of(joined.Value!);
        }, cancellationToken);
    }
}
