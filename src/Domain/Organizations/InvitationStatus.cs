namespace AuthPlatform.Domain.Organizations;

/// <summary>An invitation's state; only a pending one can change, and only once (stored lower-case, as BetterAuth).</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Rejected,
    Canceled,
}
