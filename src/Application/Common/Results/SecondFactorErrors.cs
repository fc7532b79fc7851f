namespace AuthPlatform.Application.Common.Results;

/// <summary>Errors of two-factor and passkey flows, with BetterAuth's codes.</summary>
public static class SecondFactorErrors
{
    public static readonly Error TotpNotEnabled = new(ErrorKind.Validation, "TOTP_NOT_ENABLED", "TOTP isn't enabled");

    public static readonly Error TotpAlreadyEnabled = new(ErrorKind.Validation, "TOTP_ALREADY_ENABLED", "TOTP is already enabled");

    public static readonly Error TwoFactorNotEnabled = new(ErrorKind.Validation, "TWO_FACTOR_NOT_ENABLED", "Two factor isn't enabled");

    public static readonly Error BackupCodesNotEnabled = new(ErrorKind.Validation, "BACKUP_CODES_NOT_ENABLED", "Backup codes aren't enabled");

    public static readonly Error InvalidCode = new(ErrorKind.Unauthorized, "INVALID_CODE", "Invalid code");

    public static readonly Error InvalidBackupCode = new(ErrorKind.Unauthorized, "INVALID_BACKUP_CODE", "Invalid backup code");

    public static readonly Error InvalidTwoFactorCookie = new(ErrorKind.Unauthorized, "INVALID_TWO_FACTOR_COOKIE", "Invalid two factor cookie");

    public static readonly Error TooManyAttempts =
        new(ErrorKind.Validation, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "Too many attempts. Please request a new code.");

    public static readonly Error SecretUnavailable =
        new(ErrorKind.Unavailable, "TWO_FACTOR_SECRET_UNAVAILABLE", "The two-factor secret cannot be decrypted with the configured secrets.");

    public static Error AccountLocked(TimeSpan retryAfter) =>
        new(ErrorKind.TooManyRequests, "ACCOUNT_TEMPORARILY_LOCKED", "Too many failed attempts. Please try again later.")
        {
            RetryAfterSeconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)),
        };

    public static readonly Error ChallengeNotFound = new(ErrorKind.Validation, "CHALLENGE_NOT_FOUND", "Challenge not found");

    public static readonly Error RegistrationFailed = new(ErrorKind.Validation, "FAILED_TO_VERIFY_REGISTRATION", "Failed to verify registration");

    public static readonly Error NotAllowedToRegister =
        new(ErrorKind.Unauthorized, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY", "You are not allowed to register this passkey");

    public static readonly Error PasskeyNotFound = new(ErrorKind.NotFound, "PASSKEY_NOT_FOUND", "Passkey not found");

    /// <summary>The passkey is the user's last way to sign in (no password, no provider account, no other passkey).</summary>
    public static readonly Error LastWayToSignIn =
        new(ErrorKind.Validation, "CANNOT_DELETE_LAST_SIGN_IN_METHOD", "You cannot delete your last way to sign in");

    public static readonly Error PasskeyAlreadyRegistered =
        new(ErrorKind.Validation, "PASSKEY_ALREADY_REGISTERED", "This authenticator is already registered");

    public static readonly Error AuthenticationFailed = new(ErrorKind.Validation, "AUTHENTICATION_FAILED", "Authentication failed");
}
