using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;

namespace AuthPlatform.Application.Admin;

/// <summary>
/// BetterAuth's admin statements (its <c>admin/access</c>): what exists, what the built-in <c>admin</c> role holds,
/// and, for each <see cref="AdminAction"/>, the one statement it asks for and the 403 it answers without it.
/// Every "may this user do that?" goes through <see cref="PermissionStatements"/> with these.
/// </summary>
public static class AdminStatements
{
    public const string UserResource = "user";
    public const string SessionResource = "session";

    /// <summary>Ours, beyond BetterAuth's statements: reading the audit trail, managing webhooks and OAuth clients.</summary>
    public const string AuditResource = "audit";
    public const string WebhookResource = "webhook";
    public const string OAuthClientResource = "oauth-client";

    /// <summary>Every resource and action of the admin plugin.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [UserResource] = ["create", "list", "set-role", "ban", "impersonate", "impersonate-admins", "delete", "set-password", "set-email", "set-phone", "get", "update"],
        [SessionResource] = ["list", "revoke", "delete"],
        [AuditResource] = ["list"],
        [WebhookResource] = ["manage"],
        [OAuthClientResource] = ["manage"],
    };

    /// <summary>BetterAuth's <c>admin</c> role: everything except impersonating other administrators.</summary>
    public static readonly PermissionStatements AdminRole = PermissionStatements.From(
        All.ToDictionary(r => r.Key, r => r.Value.Where(a => a != "impersonate-admins").ToArray(), StringComparer.Ordinal));

    private static readonly Dictionary<AdminAction, (string Resource, string Action, Error Refusal)> Table = new()
    {
        [AdminAction.ListUsers] = (UserResource, "list", Errors.Admin.NotAllowedToListUsers),
        [AdminAction.ChangeRole] = (UserResource, "set-role", Errors.Admin.NotAllowedToChangeRole),
        [AdminAction.BanUsers] = (UserResource, "ban", Errors.Admin.NotAllowedToBanUsers),
        [AdminAction.ListSessions] = (SessionResource, "list", Errors.Admin.NotAllowedToListSessions),
        [AdminAction.RevokeSessions] = (SessionResource, "revoke", Errors.Admin.NotAllowedToRevokeSessions),
        [AdminAction.DeleteUsers] = (UserResource, "delete", Errors.Admin.NotAllowedToDeleteUsers),
        [AdminAction.Impersonate] = (UserResource, "impersonate", Errors.Admin.NotAllowedToImpersonate),
        [AdminAction.ImpersonateAdmins] = (UserResource, "impersonate-admins", Errors.Admin.CannotImpersonateAdmins),
        [AdminAction.GetUser] = (UserResource, "get", Errors.Admin.NotAllowedToGetUser),
        [AdminAction.CreateUsers] = (UserResource, "create", Errors.Admin.NotAllowedToCreateUsers),
        [AdminAction.UpdateUsers] = (UserResource, "update", Errors.Admin.NotAllowedToUpdateUsers),
        [AdminAction.SetUserPassword] = (UserResource, "set-password", Errors.Admin.NotAllowedToSetUsersPassword),
        [AdminAction.SetUserEmail] = (UserResource, "set-email", Errors.Admin.NotAllowedToSetUsersEmail),
        [AdminAction.ReadAuditTrail] = (AuditResource, "list", Errors.Admin.NotAllowedToReadAuditTrail),
        [AdminAction.ManageWebhooks] = (WebhookResource, "manage", Errors.Admin.NotAllowedToManageWebhooks),
        [AdminAction.ManageOAuthClients] = (OAuthClientResource, "manage", Errors.Admin.NotAllowedToManageOAuthClients),
    };

    /// <summary>The statement <paramref name="action"/> asks for, as a permission request (<c>{"user":["ban"]}</c>).</summary>
    public static IReadOnlyDictionary<string, string[]> RequestFor(AdminAction action) =>
        Table.TryGetValue(action, out var row)
            ? new Dictionary<string, string[]>(StringComparer.Ordinal) { [row.Resource] = [row.Action] }
            : throw new ArgumentOutOfRangeException(nameof(action));

    /// <summary>BetterAuth's 403 for a caller without <paramref name="action"/>'s statement.</summary>
    public static Error RefusalOf(AdminAction action) =>
        Table.TryGetValue(action, out var row) ? row.Refusal : throw new ArgumentOutOfRangeException(nameof(action));

    /// <summary>True when every resource and action of <paramref name="statements"/> is one of the admin plugin's.</summary>
    public static bool AreKnown(IReadOnlyDictionary<string, string[]> statements) =>
        statements.All(s => All.TryGetValue(s.Key, out var actions) && s.Value.All(a => actions.Contains(a, StringComparer.Ordinal)));
}
