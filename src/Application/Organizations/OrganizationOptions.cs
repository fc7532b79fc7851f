using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Organizations (section "Auth:Organization", BetterAuth's organization plugin options). Roles, when given,
/// replace the default owner/admin/member roles, as BetterAuth's <c>roles</c> option does.
/// </summary>
public sealed class OrganizationOptions
{
    public const string SectionName = "Auth:Organization";

    public bool AllowUserToCreateOrganization { get; set; } = true;

    /// <summary>How many organizations a user may belong to when creating another; null for no limit.</summary>
    public int? OrganizationLimit { get; set; }

    public int MembershipLimit { get; set; } = 100;

    /// <summary>The role the creator gets; the holders of this role are the owners (never fewer than one).</summary>
    public string CreatorRole { get; set; } = DefaultOrganizationRoles.Owner;

    public TimeSpan InvitationExpiresIn { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Pending, unexpired invitations an organization may have at once.</summary>
    public int InvitationLimit { get; set; } = 100;

    public bool CancelPendingInvitationsOnReInvite { get; set; }

    public bool DisableOrganizationDeletion { get; set; }

    /// <summary>Invitations (and resends) one organization may send per hour.</summary>
    public int InvitationsPerOrganizationPerHour { get; set; } = 50;

    /// <summary>Invitations (and resends) one address may receive per hour, from all organizations.</summary>
    public int InvitationsPerRecipientPerHour { get; set; } = 5;

    /// <summary>Teams (BetterAuth's <c>teams</c> option).</summary>
    public TeamOptions Teams { get; set; } = new();

    /// <summary>An organization's own roles (BetterAuth's <c>dynamicAccessControl</c> option).</summary>
    public DynamicAccessControlOptions DynamicAccessControl { get; set; } = new();

    /// <summary>Role name → resource → actions; empty for BetterAuth's defaults.</summary>
    public Dictionary<string, Dictionary<string, string[]>> Roles { get; } = new(StringComparer.Ordinal);
}

/// <summary>Auth:Organization:Teams, BetterAuth's <c>teams</c> limits.</summary>
public sealed class TeamOptions
{
    /// <summary>Teams one organization may have; null for no limit.</summary>
    public int? MaximumTeams { get; set; }

    /// <summary>Members one team may have; null for no limit.</summary>
    public int? MaximumMembersPerTeam { get; set; }

    /// <summary>Whether remove-team may remove an organization's last team (BetterAuth refuses by default).</summary>
    public bool AllowRemovingAllTeams { get; set; }
}

/// <summary>Auth:Organization:DynamicAccessControl: roles an organization defines at run time (off by default, as BetterAuth).</summary>
public sealed class DynamicAccessControlOptions
{
    public bool Enabled { get; set; }

    /// <summary>Own roles one organization may define; null for no limit.</summary>
    public int? MaximumRolesPerOrganization { get; set; }
}
