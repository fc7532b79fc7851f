namespace AuthPlatform.Application.Admin;

/// <summary>What an administration route does; each has BetterAuth's own 403 code for a caller who is no administrator.</summary>
public enum AdminAction
{
    None,
    ListUsers,
    ChangeRole,
    BanUsers,
    ListSessions,
    RevokeSessions,
    DeleteUsers,
    Impersonate,
    ReadAuditTrail,
}
