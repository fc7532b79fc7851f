using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.HasPermission;

/// <summary>POST /organization/has-permission: whether the caller's roles in the organization grant every listed action.</summary>
public sealed record HasPermissionQuery(OrganizationActor Actor, string? OrganizationId, IReadOnlyDictionary<string, string[]>? Permissions)
    : IQuery<Result<PermissionAnswer>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.UserNotMember);
}

/// <summary>BetterAuth's answer: <c>{error: null, success}</c>.</summary>
public sealed record PermissionAnswer(string? Error, bool Success);
