using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.SetActiveTeam;

/// <summary>Writes the session row (its trigger tells every instance's session cache), as set-active does.</summary>
internal sealed class SetActiveTeamCommandHandler(IAuthDbContext db, OrganizationAccess access)
    : ICommandHandler<SetActiveTeamCommand, Result<TeamDto?>>
{
    public async ValueTask<Result<TeamDto?>> Handle(SetActiveTeamCommand command, CancellationToken cancellationToken)
    {
        if (command.Team is not { } teamId)
        {
            if (command.Clear && command.Actor.ActiveTeamId is not null)
            {
                await SetAsync(command.Actor.SessionId, null, cancellationToken);
            }

            return Result<TeamDto?>.Success(null);
        }

        var organizationId = access.Required.Id;
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.OrganizationId == organizationId, cancellationToken);
        if (team is null)
        {
            return Errors.Organizations.TeamNotFound;
        }

        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == command.Actor.UserId, cancellationToken))
        {
            return Errors.Organizations.NotTeamMember;
        }

        if (command.Actor.ActiveTeamId != teamId)
        {
            await SetAsync(command.Actor.SessionId, teamId, cancellationToken);
        }

        return Result<TeamDto?>.Success(TeamDto.Of(team));
    }

    private async Task SetAsync(string sessionId, string? teamId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        session?.SetActiveTeam(teamId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
