using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListUserTeams;

/// <summary>Only teams of organizations the listed user still belongs to (a stale team row never shows).</summary>
internal sealed class ListUserTeamsQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<ListUserTeamsQuery, Result<IReadOnlyList<TeamDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TeamDto>>> Handle(ListUserTeamsQuery query, CancellationToken cancellationToken)
    {
        var userId = query.IsSelf ? query.Actor.UserId : query.UserId!;
        var organizationId = access.Organization?.Id;
        if (!query.IsSelf && !await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken))
        {
            return Errors.Organizations.UserNotMember;
        }

        var teams = await (
            from tm in db.TeamMembers.AsNoTracking()
            where tm.UserId == userId
            join t in db.Teams.AsNoTracking() on tm.TeamId equals t.Id
            where organizationId == null || t.OrganizationId == organizationId
            where db.Members.Any(m => m.OrganizationId == t.OrganizationId && m.UserId == userId)
            orderby t.CreatedAt, t.Id
            select t).ToListAsync(cancellationToken);
        return teams.Select(TeamDto.Of).ToList();
    }
}
