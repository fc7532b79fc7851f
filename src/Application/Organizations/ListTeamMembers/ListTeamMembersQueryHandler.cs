using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListTeamMembers;

internal sealed class ListTeamMembersQueryHandler(IAuthDbContext db)
    : IQueryHandler<ListTeamMembersQuery, Result<IReadOnlyList<TeamMemberDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TeamMemberDto>>> Handle(ListTeamMembersQuery query, CancellationToken cancellationToken)
    {
        var teamId = query.Team!;
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        if (!members.Any(m => m.UserId == query.Actor.UserId))
        {
            return Errors.Organizations.NotTeamMember;
        }

        return members.Select(TeamMemberDto.Of).ToList();
    }
}
