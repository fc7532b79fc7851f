using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListTeams;

internal sealed class ListTeamsQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<ListTeamsQuery, Result<IReadOnlyList<TeamDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TeamDto>>> Handle(ListTeamsQuery query, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var teams = await db.Teams.AsNoTracking().Where(t => t.OrganizationId == organizationId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return teams.Select(TeamDto.Of).ToList();
    }
}
