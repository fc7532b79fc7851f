namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// Errors of session management, account changes and abuse protection, with BetterAuth's codes where
/// BetterAuth has one. Kept apart from <see cref="Errors"/> so each feature's codes stay together.
/// </summary>
public static class SecurityErrors
{
    public static readonly Error InvalidPassword =
        new(ErrorKind.Validation, "INVALID_PASSWORD", "Invalid password");

    public static readonly Error CredentialAccountNotFound =
        new(ErrorKind.Validation, "CREDENTIAL_ACCOUNT_NOT_FOUND", "This account has no password to change.");

    public static readonly Error SessionNotFresh =
        new(ErrorKind.Forbidden, "SESSION_NOT_FRESH", "This change needs a recent sign-in. Sign in again and retry.");

    public static readonly Error EmailCannotBeUpdated =
        new(ErrorKind.Validation, "EMAIL_CAN_NOT_BE_UPDATED", "Email can not be updated here.");

    public static readonly Error NoFieldsToUpdate =
        new(ErrorKind.Validation, "NO_FIELDS_TO_UPDATE", "No fields to update.");

    /// <summary>
    /// The account's failed sign-in budget is spent (docs/security.md, "Per-account backoff"). The same answer
    /// for every email, registered or not, so the limiter reveals nothing.
    /// </summary>
    public static Error TooManyFailedSignIns(TimeSpan retryAfter) =>
        new(ErrorKind.TooManyRequests, "TOO_MANY_REQUESTS", "Too many failed sign-ins for this account. Please try again later.")
        {
            RetryAfterSeconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)),
        };
}
