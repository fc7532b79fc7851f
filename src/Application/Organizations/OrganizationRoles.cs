using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The organization roles in force (Auth:Organization:Roles, else BetterAuth's defaults) and the one answer to
/// "may a member with these roles do that?", through <see cref="PermissionStatements"/> (roles OR, actions AND).
/// </summary>
public sealed class OrganizationRoles
{
    private readonly Dictionary<string, PermissionStatements> _roles;

    public OrganizationRoles(IOptions<OrganizationOptions> options)
    {
        var configured = options.Value.Roles;
        _roles = configured.Count == 0
            ? DefaultOrganizationRoles.Statements.ToDictionary(r => r.Key, r => PermissionStatements.From(r.Value), StringComparer.Ordinal)
            : configured.ToDictionary(r => r.Key, r => PermissionStatements.From(r.Value), StringComparer.Ordinal);
        CreatorRole = options.Value.CreatorRole;
    }

    /// <summary>The owners' role: its last holder can never go (Domain's OrganizationOwners).</summary>
    public string CreatorRole { get; }

    public bool Exists(string role) => _roles.ContainsKey(role);

    /// <summary>The names in <paramref name="roles"/> that are no role.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> roles) => roles.Where(r => !Exists(r)).ToArray();

    /// <summary>True when any one of the member's roles grants the whole request.</summary>
    public bool Authorizes(string memberRoles, IReadOnlyDictionary<string, string[]> request) =>
        PermissionStatements.AnyAuthorizes(RoleNames.Parse(memberRoles).Select(r => _roles.GetValueOrDefault(r, PermissionStatements.None)), request);
}
