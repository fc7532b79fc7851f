using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListRoles;

/// <summary>GET /organization/list-roles: the organization's own roles (needs ac:read).</summary>
public sealed record ListRolesQuery(OrganizationActor Actor, string? OrganizationId)
    : IQuery<Result<IReadOnlyList<OrganizationRoleDto>>>, IOrganizationRoleRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember,
        OrganizationGate.Needs("ac", "read"), Errors.Organizations.NotAllowedToListRoles);
}
