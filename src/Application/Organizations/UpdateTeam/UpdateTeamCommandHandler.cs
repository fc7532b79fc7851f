using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.UpdateTeam;

internal sealed class UpdateTeamCommandHandler(IAuthDbContext db, OrganizationAccess access, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<UpdateTeamCommand, Result<TeamDto>>
{
    public async ValueTask<Result<TeamDto>> Handle(UpdateTeamCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == command.TeamId && t.OrganizationId == organizationId, cancellationToken);
        if (team is null)
        {
            return Errors.Organizations.TeamNotFound;
        }

        if (command.Name is { } name)
        {
            team.Rename(name, clock.GetUtcNow());
            audit.Record(AuditEventTypes.TeamUpdated, subjectUserId: null, reason: team.Id, organizationId: organizationId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TeamDto.Of(team);
    }
}
