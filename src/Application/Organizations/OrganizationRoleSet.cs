using AuthPlatform.Domain.Access;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The roles in force in one organization: the configured (or default) roles and, with dynamic access control on,
/// the organization's own roles. The one answer to "may a member with these roles do that?" inside an organization,
/// through <see cref="PermissionStatements"/> (roles OR, actions AND); the gate hands it to handlers in
/// <see cref="OrganizationAccess.Roles"/>.
/// </summary>
public sealed class OrganizationRoleSet
{
    private readonly IReadOnlyDictionary<string, PermissionStatements> _roles;

    internal OrganizationRoleSet(IReadOnlyDictionary<string, PermissionStatements> roles) => _roles = roles;

    public bool Exists(string role) => _roles.ContainsKey(role);

    /// <summary>The names in <paramref name="roles"/> that are no role.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> roles) => roles.Where(r => !Exists(r)).ToArray();

    /// <summary>True when any one of the member's roles grants the whole request.</summary>
    public bool Authorizes(string memberRoles, IReadOnlyDictionary<string, string[]> request) =>
        PermissionStatements.AnyAuthorizes(RoleNames.Parse(memberRoles).Select(r => _roles.GetValueOrDefault(r, PermissionStatements.None)), request);

    /// <summary>The single actions (<c>resource:action</c>) of <paramref name="grants"/> the member's roles do not grant.</summary>
    public IReadOnlyList<string> Missing(string memberRoles, IReadOnlyDictionary<string, string[]> grants) =>
        grants.SelectMany(g => g.Value.Select(action => (Resource: g.Key, Action: action)))
            .Where(p => !Authorizes(memberRoles, OrganizationGate.Needs(p.Resource, p.Action)))
            .Select(p => $"{p.Resource}:{p.Action}")
            .ToArray();
}
