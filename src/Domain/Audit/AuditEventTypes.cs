namespace AuthPlatform.Domain.Audit;

/// <summary>
/// The names of audit events: the one list, so a query or a webhook subscription names an event the same way the
/// code that records it does. A new kind of event is a new constant here.
/// </summary>
public static class AuditEventTypes
{
    public const string SignUp = "sign-up";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignOut = "sign-out";
    public const string SessionRevoked = "session.revoked";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string EmailVerified = "email.verified";
    public const string EmailChanged = "email.changed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string BackupCodesGenerated = "backup-codes.generated";
    public const string BackupCodeUsed = "backup-code.used";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string ProviderLinked = "provider.linked";
    public const string ProviderUnlinked = "provider.unlinked";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyDeleted = "api-key.deleted";
    public const string UserBanned = "admin.user-banned";
    public const string UserUnbanned = "admin.user-unbanned";
    public const string RoleChanged = "admin.role-changed";
    public const string UserRemoved = "user.removed";
    public const string UserUpdated = "admin.user-updated";
    public const string ImpersonationStarted = "admin.impersonation-started";
    public const string ImpersonationStopped = "admin.impersonation-stopped";
    public const string SigningKeysRotated = "signing-keys.rotated";
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationDeleted = "organization.deleted";
    public const string MemberJoined = "organization.member-joined";
    public const string MemberRoleChanged = "organization.member-role-changed";
    public const string MemberRemoved = "organization.member-removed";
    public const string MemberLeft = "organization.member-left";
    public const string TeamCreated = "organization.team-created";
    public const string TeamUpdated = "organization.team-updated";
    public const string TeamRemoved = "organization.team-removed";
    public const string TeamMemberAdded = "organization.team-member-added";
    public const string TeamMemberRemoved = "organization.team-member-removed";
    public const string OrganizationRoleCreated = "organization.role-created";
    public const string OrganizationRoleUpdated = "organization.role-updated";
    public const string OrganizationRoleDeleted = "organization.role-deleted";
    public const string WebhookAdded = "webhook.added";
    public const string WebhookRemoved = "webhook.removed";
    public const string OAuthConsentGiven = "oauth.consent-given";
    public const string OAuthConsentRevoked = "oauth.consent-revoked";
    public const string OAuthConsentUpdated = "oauth.consent-updated";
    public const string OAuthClientRegistered = "oauth.client-registered";
    public const string OAuthClientDeleted = "oauth.client-deleted";
    public const string OAuthCodeIssued = "oauth.code-issued";
    public const string OAuthTokensIssued = "oauth.tokens-issued";
    public const string OAuthRefreshTokenReused = "oauth.refresh-token-reused";
    public const string OAuthTokenRevoked = "oauth.token-revoked";
    public const string OAuthDeviceApproved = "oauth.device-approved";
    public const string OAuthDeviceDenied = "oauth.device-denied";
}
