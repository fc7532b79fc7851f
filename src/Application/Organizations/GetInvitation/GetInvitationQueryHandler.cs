using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.GetInvitation;

internal sealed class GetInvitationQueryHandler(IAuthDbContext db, TimeProvider clock)
    : IQueryHandler<GetInvitationQuery, Result<InvitationDetails>>
{
    public async ValueTask<Result<InvitationDetails>> Handle(GetInvitationQuery query, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.Id, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(clock.GetUtcNow()))
        {
            return Errors.Organizations.InvitationNotFound;
        }

        if (InvitationRecipient.Refusal(invitation, query.Actor, Errors.Organizations.VerificationRequiredToSee) is { } refusal)
        {
            return refusal;
        }

        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == invitation.OrganizationId, cancellationToken);
        if (organization is null)
        {
            return Errors.Organizations.NotFound;
        }

        var inviterEmail = await (
            from m in db.Members.AsNoTracking()
            where m.OrganizationId == organization.Id && m.UserId == invitation.InviterId
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            select u.Email).FirstOrDefaultAsync(cancellationToken);
        if (inviterEmail is null)
        {
            return Errors.Organizations.InviterNoLongerMember;
        }

        var i = InvitationDto.Of(invitation);
        return new InvitationDetails(i.Id, i.OrganizationId, i.Email, i.Role, i.Status, i.ExpiresAt, i.CreatedAt, i.InviterId, organization.Name, organization.Slug, inviterEmail);
    }
}
