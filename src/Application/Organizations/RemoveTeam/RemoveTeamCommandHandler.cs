using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.RemoveTeam;

/// <summary>
/// Under the organization's row lock (the last-team rule counts): deletes the team; the database removes its members
/// and clears it from the sessions that had it active; pending invitations no longer name it (as BetterAuth).
/// </summary>
internal sealed class RemoveTeamCommandHandler(
    IAuthDbContext db, OrganizationAccess access, IOrganizationRowLock rowLock, IOptions<OrganizationOptions> options, AuditTrail audit)
    : ICommandHandler<RemoveTeamCommand, Result<TeamMessage>>
{
    public async ValueTask<Result<TeamMessage>> Handle(RemoveTeamCommand command, CancellationToken cancellationToken)
    {
        if (command.Actor.ActiveTeamId == command.TeamId)
        {
            return Errors.Organizations.NotAllowedToDeleteTeam;
        }

        var organizationId = access.Required.Id;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            var teams = await db.Teams.Where(t => t.OrganizationId == organizationId).ToListAsync(ct);
            var team = teams.FirstOrDefault(t => t.Id == command.TeamId);
            if (team is null)
            {
                return (Result<TeamMessage>)Errors.Organizations.TeamNotFound;
            }

            if (!options.Value.Teams.AllowRemovingAllTeams && teams.Count <= 1)
            {
                return Errors.Organizations.UnableToRemoveLastTeam;
            }

            var naming = await db.Invitations
                .Where(i => i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending && i.TeamId != null && i.TeamId.Contains(team.Id))
                .ToListAsync(ct);
            naming.ForEach(i => i.ForgetTeam(team.Id));
            db.Teams.Remove(team);
            audit.Record(AuditEventTypes.TeamRemoved, subjectUserId: null, reason: team.Id, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return new TeamMessage("Team removed successfully.");
        }, cancellationToken);
    }
}
