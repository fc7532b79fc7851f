using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListInvitations;

internal sealed class ListInvitationsQueryHandler(OrganizationRosters rosters, OrganizationAccess access, OrganizationRoles roles)
    : IQueryHandler<ListInvitationsQuery, Result<IReadOnlyList<InvitationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<InvitationDto>>> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        var roster = await rosters.OfAsync(access.Required.Id, cancellationToken);
        return Result<IReadOnlyList<InvitationDto>>.Success(InvitationVisibility.Visible(roster, roles, access));
    }
}
