using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.InviteMember;

/// <summary>BetterAuth's order of checks (docs/adr/0133), then the hourly limits, then the invitation and its mail in one transaction.</summary>
internal sealed class InviteMemberCommandHandler(
    IAuthDbContext db, IOptions<AuthOptions> auth, OrganizationAccess access, OrganizationRoles roles, IOptions<OrganizationOptions> options,
    InvitationLimits limits, MailOutbox outbox, TimeProvider clock)
    : ICommandHandler<InviteMemberCommand, Result<InvitationDto>>
{
    public async ValueTask<Result<InvitationDto>> Handle(InviteMemberCommand command, CancellationToken cancellationToken)
    {
        if (!RedirectTargets.IsAllowed(command.CallbackUrl, auth.Value))
        {
            return MailErrors.InvalidCallbackUrl;
        }

        var organizationId = access.Required.Id;
        var email = EmailAddress.Parse(command.Email!).Value;
        var requested = RoleNames.Parse(RoleNames.Join(command.Roles));
        if (requested.Count == 0)
        {
            return Errors.Organizations.RoleNotFound;
        }

        if (access.Roles.Unknown(requested) is { Count: > 0 } unknown)
        {
            return Errors.Organizations.RoleNotFound.WithMessage("ROLE_NOT_FOUND: " + string.Join(", ", unknown));
        }

        var inviterIsOwner = access.Member.Holds(roles.CreatorRole);
        if (requested.Contains(roles.CreatorRole, StringComparer.Ordinal) && !inviterIsOwner)
        {
            return Errors.Organizations.NotAllowedToInviteWithRole;
        }

        var isMember = await (
            from m in db.Members
            where m.OrganizationId == organizationId
            join u in db.Users on m.UserId equals u.Id
            where u.Email == email
            select m.Id).AnyAsync(cancellationToken);
        if (isMember)
        {
            return Errors.Organizations.AlreadyMember;
        }

        var now = clock.GetUtcNow();
        var pending = await db.Invitations
            .Where(i => i.OrganizationId == organizationId && i.Email == email && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        if (pending.Count > 0 && command.Resend)
        {
            var existing = pending[0];
            if (RoleNames.Parse(existing.Role).Contains(roles.CreatorRole, StringComparer.Ordinal) && !inviterIsOwner)
            {
                return Errors.Organizations.NotAllowedToInviteWithRole;
            }

            return await SendAsync(existing, email, command.CallbackUrl, now, rearm: true, cancellationToken);
        }

        if (pending.Count > 0)
        {
            if (!options.Value.CancelPendingInvitationsOnReInvite)
            {
                return Errors.Organizations.AlreadyInvited;
            }

            pending.ForEach(i => i.Cancel());
        }

        var open = await db.Invitations.CountAsync(i => i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken);
        if (open - pending.Count >= options.Value.InvitationLimit)
        {
            return Errors.Organizations.InvitationLimitReached;
        }

        var teamIds = command.TeamIds?.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (await TeamsRefusalAsync(organizationId, teamIds, cancellationToken) is { } teamRefusal)
        {
            return teamRefusal;
        }

        var invitation = Invitation.Issue(organizationId, email, RoleNames.Join(requested), command.Actor.UserId, options.Value.InvitationExpiresIn, now, teamIds);
        db.Invitations.Add(invitation);
        return await SendAsync(invitation, email, command.CallbackUrl, now, rearm: false, cancellationToken);
    }

    /// <summary>BetterAuth's checks of the teams to join: no reserved comma, each a team of the organization, none full.</summary>
    private async Task<Error?> TeamsRefusalAsync(string organizationId, IReadOnlyList<string> teamIds, CancellationToken cancellationToken)
    {
        if (teamIds.Any(t => t.Contains(',')))
        {
            return Errors.Organizations.InvalidTeamId;
        }

        foreach (var teamId in teamIds)
        {
            if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.OrganizationId == organizationId, cancellationToken))
            {
                return Errors.Organizations.TeamNotFound;
            }

            if (await TeamMembership.IsFullAsync(db, teamId, options.Value.Teams.MaximumMembersPerTeam, cancellationToken))
            {
                return Errors.Organizations.TeamMemberLimitReached;
            }
        }

        return null;
    }

    private async Task<Result<InvitationDto>> SendAsync(Invitation invitation, string email, string? callbackUrl, DateTimeOffset now, bool rearm, CancellationToken cancellationToken)
    {
        if (await limits.RefusalAsync(invitation.OrganizationId, email, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (rearm)
        {
            invitation.Rearm(options.Value.InvitationExpiresIn, now);
        }

        // The address's mail budget (ADR 0112) may hold the mail back; the invitation stands either way.
        await outbox.TryAddAsync(MailJob.Invitation(email, invitation.Id, string.IsNullOrEmpty(callbackUrl) ? null : callbackUrl, now), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return InvitationDto.Of(invitation);
    }
}
