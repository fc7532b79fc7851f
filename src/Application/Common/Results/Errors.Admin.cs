namespace AuthPlatform.Application.Common.Results;

/// <summary>User administration (BetterAuth's admin plugin), with its codes, messages and statuses.</summary>
public static partial class Errors
{
    public static class Admin
    {
        public static readonly Error NotAllowedToListUsers =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS", "You are not allowed to list users");

        public static readonly Error NotAllowedToChangeRole =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", "You are not allowed to change users role");

        public static readonly Error NotAllowedToBanUsers =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "You are not allowed to ban users");

        public static readonly Error NotAllowedToListSessions =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS", "You are not allowed to list users sessions");

        public static readonly Error NotAllowedToRevokeSessions =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS", "You are not allowed to revoke users sessions");

        public static readonly Error NotAllowedToDeleteUsers =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS", "You are not allowed to delete users");

        public static readonly Error NotAllowedToImpersonate =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS", "You are not allowed to impersonate users");

        /// <summary>Ours: BetterAuth has no audit trail.</summary>
        public static readonly Error NotAllowedToReadAuditTrail =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_READ_THE_AUDIT_TRAIL", "You are not allowed to read the audit trail");

        /// <summary>Ours: BetterAuth has no webhooks.</summary>
        public static readonly Error NotAllowedToManageWebhooks =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_MANAGE_WEBHOOKS", "You are not allowed to manage webhooks");

        /// <summary>Ours: BetterAuth's admin plugin has no OAuth client statement.</summary>
        public static readonly Error NotAllowedToManageOAuthClients =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_MANAGE_OAUTH_CLIENTS", "You are not allowed to manage OAuth clients");

        public static readonly Error CannotBanYourself =
            new(ErrorKind.Validation, "YOU_CANNOT_BAN_YOURSELF", "You cannot ban yourself");

        public static readonly Error CannotRemoveYourself =
            new(ErrorKind.Validation, "YOU_CANNOT_REMOVE_YOURSELF", "You cannot remove yourself");

        public static readonly Error InvalidRoleType =
            new(ErrorKind.Validation, "INVALID_ROLE_TYPE", "Invalid role type");

        public static readonly Error CannotImpersonateAdmins =
            new(ErrorKind.Forbidden, "YOU_CANNOT_IMPERSONATE_ADMINS", "You cannot impersonate admins");

        public static readonly Error NotAllowedToGetUser =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_GET_USER", "You are not allowed to get user");

        public static readonly Error NotAllowedToCreateUsers =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS", "You are not allowed to create users");

        public static readonly Error NotAllowedToUpdateUsers =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS", "You are not allowed to update users");

        public static readonly Error NotAllowedToSetUsersPassword =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD", "You are not allowed to set users password");

        public static readonly Error NotAllowedToSetUsersEmail =
            new(ErrorKind.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL", "You are not allowed to update users email");

        public static readonly Error NonExistentRole =
            new(ErrorKind.Validation, "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE", "You are not allowed to set a non-existent role value");

        public static readonly Error NoDataToUpdate =
            new(ErrorKind.Validation, "NO_DATA_TO_UPDATE", "No data to update");

        public static readonly Error PasswordCannotBeUpdatedViaUpdateUser =
            new(ErrorKind.Validation, "PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER", "Password cannot be updated through update-user. Use the set-user-password endpoint instead");

        public static readonly Error UserIdCannotBeUpdated =
            new(ErrorKind.Validation, "USER_ID_CANNOT_BE_UPDATED", "User id cannot be updated");

        public static readonly Error UserAlreadyExistsUseAnotherEmail =
            new(ErrorKind.Validation, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "User already exists. Use another email.");

        /// <summary>stop-impersonating from a session that impersonates no one (BetterAuth answers the message without a code).</summary>
        public static readonly Error NotImpersonating =
            new(ErrorKind.Validation, "NOT_IMPERSONATING", "You are not impersonating anyone");

        /// <summary>
        /// stop-impersonating without the administrator's live session in the admin_session cookie, or with one of
        /// another user (BetterAuth answers 500 "Failed to find admin session").
        /// </summary>
        public static readonly Error AdminSessionNotFound =
            new(ErrorKind.Validation, "ADMIN_SESSION_NOT_FOUND", "Failed to find admin session");

        /// <summary>has-permission without <c>permissions</c> (BetterAuth answers the message without a code).</summary>
        public static readonly Error NoPermissionsPassed =
            new(ErrorKind.Validation, "INVALID_PERMISSION_CHECK", "invalid permission check. no permission(s) were passed.");
    }
}
