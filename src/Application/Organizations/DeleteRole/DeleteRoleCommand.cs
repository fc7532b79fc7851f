using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.DeleteRole;

/// <summary>POST /organization/delete-role: removes one of the organization's own roles that no member holds (needs ac:delete).</summary>
public sealed record DeleteRoleCommand(OrganizationActor Actor, string? RoleName, string? RoleId, string? OrganizationId)
    : ICommand<Result<DeletedRole>>, IOrganizationRoleRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember,
        OrganizationGate.Needs("ac", "delete"), Errors.Organizations.NotAllowedToDeleteRole);
}

/// <summary>BetterAuth's answer: <c>{success: true}</c>.</summary>
public sealed record DeletedRole(bool Success);
