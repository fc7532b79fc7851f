using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.GetFullOrganization;

/// <summary>The organization (from the gate) and its roster (<see cref="OrganizationRosters"/>: from memory when it may be).</summary>
internal sealed class GetFullOrganizationQueryHandler(OrganizationRosters rosters, OrganizationAccess access, OrganizationRoles roles, IOptions<OrganizationOptions> options)
    : IQueryHandler<GetFullOrganizationQuery, Result<FullOrganizationDto?>>
{
    public async ValueTask<Result<FullOrganizationDto?>> Handle(GetFullOrganizationQuery query, CancellationToken cancellationToken)
    {
        if (access.Organization is not { } organization)
        {
            return Result<FullOrganizationDto?>.Success(null);
        }

        var limit = Math.Clamp(query.MembersLimit ?? options.Value.MembershipLimit, 1, options.Value.MembershipLimit);
        var roster = await rosters.OfAsync(organization.Id, cancellationToken);
        var members = roster.Members.Take(limit).ToList();
        var invitations = InvitationVisibility.Visible(roster, roles, access);
        return new FullOrganizationDto(organization.Id, organization.Name, organization.Slug, organization.Logo, organization.Metadata, organization.CreatedAt, invitations, members);
    }
}
