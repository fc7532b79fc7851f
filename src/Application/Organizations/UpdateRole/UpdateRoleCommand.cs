using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.UpdateRole;

/// <summary>POST /organization/update-role: new statements and/or a new name for one of the organization's own roles (needs ac:update).</summary>
public sealed record UpdateRoleCommand(
    OrganizationActor Actor, string? RoleName, string? RoleId, string? OrganizationId, IReadOnlyDictionary<string, string[]>? Permission, string? NewName)
    : ICommand<Result<UpdatedRole>>, IOrganizationRoleRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember,
        OrganizationGate.Needs("ac", "update"), Errors.Organizations.NotAllowedToUpdateRole);
}

/// <summary>BetterAuth's answer: <c>{success, roleData}</c>.</summary>
public sealed record UpdatedRole(bool Success, OrganizationRoleDto RoleData);
