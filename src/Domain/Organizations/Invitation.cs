using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Organizations;

/// <summary>
/// An invitation to join an organization, sent to an address. Single use: it is accepted, rejected or canceled
/// once, and an expired one can no longer be accepted (the expiry rule is <see cref="IsOpenAt"/>).
/// </summary>
public sealed class Invitation
{
    private Invitation()
    {
        Id = string.Empty;
        OrganizationId = string.Empty;
        Email = string.Empty;
        Role = string.Empty;
        InviterId = string.Empty;
    }

    public string Id { get; private set; }

    public string OrganizationId { get; private set; }

    /// <summary>The invited address, lower-case.</summary>
    public string Email { get; private set; }

    /// <summary>The roles the new member gets, comma-separated.</summary>
    public string Role { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string InviterId { get; private set; }

    /// <summary>The teams the new member joins, comma-separated as BetterAuth stores them; null for none.</summary>
    public string? TeamId { get; private set; }

    public IReadOnlyList<string> TeamIds => RoleNames.Parse(TeamId);

    public static Invitation Issue(string organizationId, string email, string role, string inviterId, TimeSpan lifetime, DateTimeOffset now, IReadOnlyCollection<string>? teamIds = null) => new()
    {
        TeamId = teamIds is { Count: > 0 } ? RoleNames.Join(teamIds) : null,
        Id = RandomId.New(),
        OrganizationId = organizationId,
        Email = email.ToLowerInvariant(),
        Role = role,
        Status = InvitationStatus.Pending,
        ExpiresAt = now + lifetime,
        CreatedAt = now,
        InviterId = inviterId,
    };

    /// <summary>Pending and not expired: the only state in which it can be accepted.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;

    /// <summary>True when the invitation is for <paramref name="email"/> (case-insensitive, as BetterAuth).</summary>
    public bool IsFor(string email) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);

    /// <summary>Marks it accepted; false (and no change) unless it is open.</summary>
    public bool Accept(DateTimeOffset now) => Close(InvitationStatus.Accepted, IsOpenAt(now));

    /// <summary>Marks it rejected; false unless pending (BetterAuth does not check expiry here).</summary>
    public bool Reject() => Close(InvitationStatus.Rejected, Status == InvitationStatus.Pending);

    /// <summary>Marks it canceled; false unless pending (an accepted invitation stays accepted).</summary>
    public bool Cancel() => Close(InvitationStatus.Canceled, Status == InvitationStatus.Pending);

    /// <summary>A resend: a pending invitation lives another <paramref name="lifetime"/> from now.</summary>
    public void Rearm(TimeSpan lifetime, DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new DomainRuleException("Only a pending invitation can be sent again.");
        }

        ExpiresAt = now + lifetime;
    }

    /// <summary>A removed team is no longer joined by accepting (BetterAuth drops it from pending invitations).</summary>
    public void ForgetTeam(string teamId)
    {
        var rest = TeamIds.Where(t => t != teamId).ToArray();
        TeamId = rest.Length == 0 ? null : RoleNames.Join(rest);
    }

    private bool Close(InvitationStatus status, bool allowed)
    {
        if (!allowed)
        {
            return false;
        }

        Status = status;
        return true;
    }
}
