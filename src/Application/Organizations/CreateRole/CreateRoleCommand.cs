using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.CreateRole;

/// <summary>POST /organization/create-role: a role of the organization's own with its statements (needs ac:create).</summary>
public sealed record CreateRoleCommand(OrganizationActor Actor, string? Role, IReadOnlyDictionary<string, string[]>? Permission, string? OrganizationId)
    : ICommand<Result<CreatedRole>>, IOrganizationRoleRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.MustBeInOrganizationToCreateRole, Errors.Organizations.NotAMember,
        OrganizationGate.Needs("ac", "create"), Errors.Organizations.NotAllowedToCreateRole);
}

/// <summary>BetterAuth's answer: <c>{success, roleData, statements}</c>.</summary>
public sealed record CreatedRole(bool Success, OrganizationRoleDto RoleData, IReadOnlyDictionary<string, string[]> Statements);
