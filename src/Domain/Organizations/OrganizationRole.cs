using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Organizations;

/// <summary>
/// A role defined by one organization at run time (BetterAuth's dynamic access control, <c>organizationRole</c>):
/// a lower-case name and its statements, evaluated like a configured role by <see cref="PermissionStatements"/>.
/// </summary>
public sealed class OrganizationRole
{
    public const int MaxNameLength = 64;
    public const int MaxPermissionLength = 8192;

    private OrganizationRole()
    {
        Id = string.Empty;
        OrganizationId = string.Empty;
        Role = string.Empty;
        Permission = "{}";
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    /// <summary>The role's name, lower-case (BetterAuth normalizes it so).</summary>
    public string Role { get; private set; }

    /// <summary>The statements as JSON text, resource → actions (BetterAuth stores them so).</summary>
    public string Permission { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>BetterAuth's name rule: lower-cased; here also no commas or spaces, so a member's role string can hold it.</summary>
    public static string? NormalizeName(string? name)
    {
        var lower = name?.Trim().ToLowerInvariant();
        return lower is { Length: > 0 and <= MaxNameLength } && !lower.Contains(',') && !lower.Any(char.IsWhiteSpace) ? lower : null;
    }

    public static OrganizationRole Define(string organizationId, string name, string permission, DateTimeOffset now) => new()
    {
        Id = RandomId.New(),
        OrganizationId = organizationId,
        Role = NormalizeName(name) ?? throw new DomainRuleException("A role's name has no commas or spaces."),
        Permission = permission,
        CreatedAt = now,
    };

    public void Change(string? name, string? permission, DateTimeOffset now)
    {
        if (name is not null)
        {
            Role = NormalizeName(name) ?? throw new DomainRuleException("A role's name has no commas or spaces.");
        }

        if (permission is not null)
        {
            Permission = permission;
        }

        UpdatedAt = now;
    }
}
