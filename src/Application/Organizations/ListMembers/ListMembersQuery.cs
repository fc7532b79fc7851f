using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListMembers;

/// <summary>GET /organization/list-members: a page of the organization's members with their users.</summary>
public sealed record ListMembersQuery(OrganizationActor Actor, string? OrganizationId, string? OrganizationSlug, int? Limit, int? Offset, string? SortBy, string? SortDirection)
    : IQuery<Result<MemberPage>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, OrganizationSlug), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember);
}

public sealed record MemberPage(IReadOnlyList<MemberWithUserDto> Members, int Total);
