using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>The shape a role's statements must have before any rule looks at them (validators of create-role and update-role).</summary>
internal static class OrganizationRoleShape
{
    public const string Rule = "permission maps resources to arrays of non-empty actions (at most 64 characters each).";

    public static bool IsValid(IReadOnlyDictionary<string, string[]> permission) =>
        permission.Count <= 64
        && permission.All(p => p.Key.Length is > 0 and <= 64 && p.Value is not null && p.Value.Length <= 64 && p.Value.All(a => a is { Length: > 0 and <= 64 }))
        && OrganizationRoleRules.Serialize(permission).Length <= OrganizationRole.MaxPermissionLength;
}
