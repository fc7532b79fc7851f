namespace AuthPlatform.Application.Common.Results;

/// <summary>Two-factor and passkey flows, with BetterAuth's codes.</summary>
public static partial class Errors
{
    public static readonly Error OtpNotConfigured = new(ErrorKind.Validation, "OTP_NOT_CONFIGURED", "OTP is not available");

    public static readonly Error TotpNotEnabled = new(ErrorKind.Validation, "TOTP_NOT_ENABLED", "TOTP isn't enabled");

    public static readonly Error TotpAlreadyEnabled = new(ErrorKind.Validation, "TOTP_ALREADY_ENABLED", "TOTP is already enabled");

    public static readonly Error TwoFactorNotEnabled = new(ErrorKind.Validation, "TWO_FACTOR_NOT_ENABLED", "Two factor isn't enabled");

    public static readonly Error BackupCodesNotEnabled = new(ErrorKind.Validation, "BACKUP_CODES_NOT_ENABLED", "Backup codes aren't enabled");

    public static readonly Error InvalidCode = new(ErrorKind.Unauthorized, "INVALID_CODE", "Invalid code");

    public static readonly Error InvalidBackupCode = new(ErrorKind.Unauthorized, "INVALID_BACKUP_CODE", "Invalid backup code");

    public static readonly Error InvalidTwoFactorCookie = new(ErrorKind.Unauthorized, "INVALID_TWO_FACTOR_COOKIE", "Invalid two factor cookie");

    public static readonly Error TooManyAttemptsRequestNewCode =
        new(ErrorKind.Validation, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "Too many attempts. Please request a new code.");

    public static readonly Error TwoFactorSecretUnavailable =
        new(ErrorKind.Unavailable, "TWO_FACTOR_SECRET_UNAVAILABLE", "The two-factor secret cannot be decrypted with the configured secrets.");

    public static readonly Error AccountTemporarilyLocked =
        new(ErrorKind.TooManyRequests, "ACCOUNT_TEMPORARILY_LOCKED", "Too many failed attempts. Please try again later.");

    public static readonly Error ChallengeNotFound = new(ErrorKind.Validation, "CHALLENGE_NOT_FOUND", "Challenge not found");

    public static readonly Error FailedToVerifyRegistration = new(ErrorKind.Validation, "FAILED_TO_VERIFY_REGISTRATION", "Failed to verify registration");

    public static readonly Error NotAllowedToRegisterPasskey =
        new(ErrorKind.Unauthorized, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY", "You are not allowed to register this passkey");

    /// <summary>
    /// BetterAuth answers it 401 on passkey sign-in and 404 on update and delete of an unknown id (401 for
    /// another user's passkey). Here unknown and foreign ids are one case: 401 everywhere (docs/compatibility.md).
    /// </summary>
    public static readonly Error PasskeyNotFound = new(ErrorKind.Unauthorized, "PASSKEY_NOT_FOUND", "Passkey not found");

    /// <summary>The passkey is the user's last way to sign in (no password, no provider account, no other passkey).</summary>
    public static readonly Error CannotDeleteLastSignInMethod =
        new(ErrorKind.Validation, "CANNOT_DELETE_LAST_SIGN_IN_METHOD", "You cannot delete your last way to sign in");

    public static readonly Error PasskeyAlreadyRegistered =
        new(ErrorKind.Validation, "PASSKEY_ALREADY_REGISTERED", "This authenticator is already registered");

    /// <summary>
    /// BetterAuth answers it 400 when the WebAuthn library refuses the assertion and 401 when it returns
    /// "not verified": 400 here for every refusal (docs/compatibility.md).
    /// </summary>
    public static readonly Error AuthenticationFailed = new(ErrorKind.Validation, "AUTHENTICATION_FAILED", "Authentication failed");
}
