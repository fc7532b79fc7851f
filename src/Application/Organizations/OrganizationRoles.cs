using System.Text.Json;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The organization roles configured (Auth:Organization:Roles, else BetterAuth's defaults), the resources they speak
/// of, and the merge with an organization's own roles (dynamic access control) into the <see cref="OrganizationRoleSet"/>
/// every permission decision inside an organization goes through.
/// </summary>
public sealed class OrganizationRoles
{
    private readonly Dictionary<string, PermissionStatements> _configured;

    public OrganizationRoles(IOptions<OrganizationOptions> options)
    {
        var configured = options.Value.Roles.Count == 0
            ? DefaultOrganizationRoles.Statements.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string[]>)r.Value, StringComparer.Ordinal)
            : options.Value.Roles.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string[]>)r.Value, StringComparer.Ordinal);
        _configured = configured.ToDictionary(r => r.Key, r => PermissionStatements.From(r.Value), StringComparer.Ordinal);
        Resources = configured.Values.SelectMany(r => r.Keys).ToHashSet(StringComparer.Ordinal);
        CreatorRole = options.Value.CreatorRole;
        Configured = new OrganizationRoleSet(_configured);
    }

    /// <summary>The owners' role: its last holder can never go (Domain's OrganizationOwners).</summary>
    public string CreatorRole { get; }

    /// <summary>The configured roles alone (dynamic access control off).</summary>
    public OrganizationRoleSet Configured { get; }

    /// <summary>The resources an organization's own role may name (BetterAuth's <c>ac</c> statements: those of the roles in force).</summary>
    public IReadOnlySet<string> Resources { get; }

    /// <summary>A configured role: an organization's own role can neither take its name nor delete it.</summary>
    public bool IsPredefined(string role) => _configured.ContainsKey(role);

    /// <summary>The configured roles and the organization's own (a name in both gets both grants, as BetterAuth merges them).</summary>
    public OrganizationRoleSet With(IEnumerable<OrganizationRole> own)
    {
        var merged = new Dictionary<string, PermissionStatements>(_configured, StringComparer.Ordinal);
        foreach (var role in own)
        {
            var statements = PermissionStatements.From(ParsePermission(role.Permission));
            merged[role.Role] = merged.TryGetValue(role.Role, out var configured) ? configured.Union(statements) : statements;
        }

        return new OrganizationRoleSet(merged);
    }

    /// <summary>A stored role's statements; unreadable text grants nothing (the service only writes what it validated).</summary>
    public static IReadOnlyDictionary<string, string[]> ParsePermission(string permission)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string[]>>(permission) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string[]>();
        }
    }
}
