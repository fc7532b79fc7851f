using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Organizations;

/// <summary>A user's membership of an organization, with its roles stored comma-separated (<see cref="RoleNames"/>).</summary>
public sealed class Member
{
    public const int MaxRoleLength = 256;

    private Member()
    {
        Id = string.Empty;
        OrganizationId = string.Empty;
        UserId = string.Empty;
        Role = string.Empty;
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>Comma-separated role names ("admin,owner").</summary>
    public string Role { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<string> Roles => RoleNames.Parse(Role);

    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public static Member Join(string organizationId, string userId, IEnumerable<string> roles, DateTimeOffset now) => new()
    {
        Id = RandomId.New(),
        OrganizationId = organizationId,
        UserId = userId,
        Role = RequireRoles(roles),
        CreatedAt = now,
    };

    /// <summary>Replaces the roles. Only <see cref="OrganizationOwners"/> decides whether the change may leave the organization without an owner.</summary>
    internal void ChangeRoles(IEnumerable<string> roles) => Role = RequireRoles(roles);

    private static string RequireRoles(IEnumerable<string> roles)
    {
        var joined = RoleNames.Join(roles);
        return joined.Length is 0 or > MaxRoleLength
            ? throw new DomainRuleException($"A member has at least one role, at most {MaxRoleLength} characters in all.")
            : joined;
    }
}
