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

        public static readonly Error CannotBanYourself =
            new(ErrorKind.Validation, "YOU_CANNOT_BAN_YOURSELF", "You cannot ban yourself");

        public static readonly Error CannotRemoveYourself =
            new(ErrorKind.Validation, "YOU_CANNOT_REMOVE_YOURSELF", "You cannot remove yourself");

        public static readonly Error InvalidRoleType =
            new(ErrorKind.Validation, "INVALID_ROLE_TYPE", "Invalid role type");
    }
}
