using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.RemoveTeamMember;

/// <summary>The removed member's sessions that had the team active lose it, as sessions lose an organization they left.</summary>
internal sealed class RemoveTeamMemberCommandHandler(IAuthDbContext db, OrganizationAccess access, AuditTrail audit)
    : ICommandHandler<RemoveTeamMemberCommand, Result<TeamMessage>>
{
    public async ValueTask<Result<TeamMessage>> Handle(RemoveTeamMemberCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var userId = command.UserId!;
        if (!await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken))
        {
            return Errors.Organizations.UserNotMember;
        }

        if (!await db.Teams.AnyAsync(t => t.Id == command.TeamId && t.OrganizationId == organizationId, cancellationToken))
        {
            return Errors.Organizations.TeamNotFound;
        }

        var membership = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == command.TeamId && m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return Errors.Organizations.NotTeamMember;
        }

        db.TeamMembers.Remove(membership);
        var sessions = await db.Sessions.Where(s => s.UserId == userId && s.ActiveTeamId == command.TeamId).ToListAsync(cancellationToken);
        sessions.ForEach(s => s.SetActiveTeam(null));
        audit.Record(AuditEventTypes.TeamMemberRemoved, userId, reason: command.TeamId, organizationId: organizationId);
        await db.SaveChangesAsync(cancellationToken);
        return new TeamMessage("Team member removed successfully.");
    }
}
