using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListInvitations;

internal sealed class ListInvitationsQueryHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles)
    : IQueryHandler<ListInvitationsQuery, Result<IReadOnlyList<InvitationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<InvitationDto>>> Handle(ListInvitationsQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<InvitationDto>>.Success(await InvitationVisibility.VisibleAsync(db, roles, access, cancellationToken));
}
