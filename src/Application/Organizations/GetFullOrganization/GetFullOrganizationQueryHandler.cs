using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.GetFullOrganization;

internal sealed class GetFullOrganizationQueryHandler(IAuthDbContext db, OrganizationAccess access, OrganizationRoles roles, IOptions<OrganizationOptions> options)
    : IQueryHandler<GetFullOrganizationQuery, Result<FullOrganizationDto?>>
{
    public async ValueTask<Result<FullOrganizationDto?>> Handle(GetFullOrganizationQuery query, CancellationToken cancellationToken)
    {
        if (access.Organization is not { } organization)
        {
            return Result<FullOrganizationDto?>.Success(null);
        }

        var limit = Math.Clamp(query.MembersLimit ?? options.Value.MembershipLimit, 1, options.Value.MembershipLimit);
        var members = await MemberQueries.WithUsers(db, organization.Id).OrderBy(r => r.Member.CreatedAt).Take(limit).ToDtosAsync(cancellationToken);
        var invitations = await InvitationVisibility.VisibleAsync(db, roles, access, cancellationToken);
        return new FullOrganizationDto(organization.Id, organization.Name, organization.Slug, organization.Logo, organization.Metadata, organization.CreatedAt, invitations, members);
    }
}
