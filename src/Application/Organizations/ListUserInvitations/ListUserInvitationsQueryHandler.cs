using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListUserInvitations;

internal sealed class ListUserInvitationsQueryHandler(IAuthDbContext db)
    : IQueryHandler<ListUserInvitationsQuery, Result<IReadOnlyList<UserInvitationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<UserInvitationDto>>> Handle(ListUserInvitationsQuery query, CancellationToken cancellationToken)
    {
        if (!query.Actor.EmailVerified)
        {
            return Errors.Organizations.VerificationRequiredToSee;
        }

        var email = query.Actor.Email.ToLowerInvariant();
        var rows = await (
            from i in db.Invitations.AsNoTracking()
            where i.Email == email && i.Status == InvitationStatus.Pending
            join o in db.Organizations.AsNoTracking() on i.OrganizationId equals o.Id
            orderby i.CreatedAt
            select new { Invitation = i, o.Name }).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var i = InvitationDto.Of(r.Invitation);
            return new UserInvitationDto(i.Id, i.OrganizationId, i.Email, i.Role, i.Status, i.ExpiresAt, i.CreatedAt, i.InviterId, r.Name);
        }).ToList();
    }
}
