using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetActiveMemberRole;

/// <summary>GET /organization/get-active-member-role: the roles of the caller (or of another member, by user id) in the organization.</summary>
public sealed record GetActiveMemberRoleQuery(OrganizationActor Actor, string? UserId, string? OrganizationId, string? OrganizationSlug)
    : IQuery<Result<MemberRole>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, OrganizationSlug), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember);
}

public sealed record MemberRole(string Role);
