using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetRole;

/// <summary>GET /organization/get-role: one of the organization's own roles, by name or id (needs ac:read).</summary>
public sealed record GetRoleQuery(OrganizationActor Actor, string? RoleName, string? RoleId, string? OrganizationId)
    : IQuery<Result<OrganizationRoleDto>>, IOrganizationRoleRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember,
        OrganizationGate.Needs("ac", "read"), Errors.Organizations.NotAllowedToReadRole);
}
