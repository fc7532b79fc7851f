using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.AcceptInvitation;

/// <summary>
/// Under the organization's row lock: the invitation is re-read, accepted once (pending and unexpired, decided by the
/// domain), and the member added within the membership limit, with the invitation's teams (checked before anything
/// changes, within their limit), in one transaction.
/// </summary>
internal sealed class AcceptInvitationCommandHandler(IAuthDbContext db, IOrganizationRowLock rowLock, IOptions<OrganizationOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<AcceptInvitationCommand, Result<InvitationAnswer>>
{
    public async ValueTask<Result<InvitationAnswer>> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seen = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken);
        if (seen is null || !seen.IsOpenAt(now))
        {
            return Errors.Organizations.InvitationNotFound;
        }

        if (InvitationRecipient.Refusal(seen, command.Actor, Errors.Organizations.VerificationRequiredToAnswer) is { } refusal)
        {
            return refusal;
        }

        return await rowLock.RunLockedAsync(seen.OrganizationId, async ct =>
        {
            var invitation = await db.Invitations.FirstAsync(i => i.Id == command.InvitationId, ct);
            var userId = command.Actor.UserId;
            if (await OrganizationMembers.RefusalAsync(db, invitation.OrganizationId, userId, options.Value.MembershipLimit, ct) is { } refusal)
            {
                return (Result<InvitationAnswer>)refusal;
            }

            foreach (var teamId in invitation.TeamIds)
            {
                if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.OrganizationId == invitation.OrganizationId, ct))
                {
                    return Errors.Organizations.TeamNotFound;
                }

                if (await TeamMembership.IsFullAsync(db, teamId, options.Value.Teams.MaximumMembersPerTeam, ct))
                {
                    return Errors.Organizations.TeamMemberLimitReached;
                }
            }

            if (!invitation.Accept(now))
            {
                return Errors.Organizations.InvitationNotFound; // answered or expired meanwhile
            }

            var member = OrganizationMembers.Join(db, audit, invitation.OrganizationId, userId, RoleNames.Parse(invitation.Role), now);
            await ActiveOrganization.SetAsync(db, command.Actor.SessionId, invitation.OrganizationId, ct);
            foreach (var teamId in invitation.TeamIds)
            {
                await TeamMembership.JoinAsync(db, teamId, userId, maximumMembers: null, now, ct); // checked above, under the same lock
                audit.Record(AuditEventTypes.TeamMemberAdded, userId, reason: teamId, organizationId: invitation.OrganizationId);
            }

            // One team: it becomes the session's active team (BetterAuth).
            if (invitation.TeamIds is [var onlyTeam])
            {
                await ActiveTeamAsync(command.Actor.SessionId, onlyTeam, ct);
            }

            await db.SaveChangesAsync(ct);
            return new InvitationAnswer(InvitationDto.Of(invitation), MemberDto.Of(member));
        }, cancellationToken);
    }

    private async Task ActiveTeamAsync(string sessionId, string teamId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        session?.SetActiveTeam(teamId);
    }
}
