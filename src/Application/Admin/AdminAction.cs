namespace AuthPlatform.Application.Admin;

/// <summary>
/// What an administration route does. Each maps to one of BetterAuth's admin statements and its 403 code
/// in <see cref="AdminStatements"/>, the one table of both.
/// </summary>
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
    ImpersonateAdmins,
    GetUser,
    CreateUsers,
    UpdateUsers,
    SetUserPassword,
    SetUserEmail,
    ReadAuditTrail,
    ManageWebhooks,
    ManageOAuthClients,
}
