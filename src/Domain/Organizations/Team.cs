using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Organizations;

/// <summary>A group of an organization's members (BetterAuth's teams); its members are <see cref="TeamMember"/> rows.</summary>
public sealed class Team
{
    public const int MaxNameLength = 128;

    private Team()
    {
        Id = string.Empty;
        Name = string.Empty;
        OrganizationId = string.Empty;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public string OrganizationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Team Create(string organizationId, string name, DateTimeOffset now) => new()
    {
        Id = RandomId.New(),
        Name = RequireName(name),
        OrganizationId = organizationId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Rename(string name, DateTimeOffset now)
    {
        Name = RequireName(name);
        UpdatedAt = now;
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength
            ? throw new DomainRuleException($"A team's name has 1 to {MaxNameLength} characters.")
            : name;
}

/// <summary>A user's membership of a team; the user is a member of the team's organization when added.</summary>
public sealed class TeamMember
{
    private TeamMember()
    {
        Id = string.Empty;
        TeamId = string.Empty;
        UserId = string.Empty;
    }

    public string Id { get; private set; }

    public string TeamId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TeamMember Join(string teamId, string userId, DateTimeOffset now) => new()
    {
        Id = RandomId.New(),
        TeamId = teamId,
        UserId = userId,
        CreatedAt = now,
    };
}
