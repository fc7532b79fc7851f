namespace AuthPlatform.Application.Common.Results;

/// <summary>Password reset, email verification and change of email, with BetterAuth's codes.</summary>
public static partial class Errors
{
    public static readonly Error ResetPasswordDisabled =
        new(ErrorKind.Validation, "RESET_PASSWORD_DISABLED", "Reset password isn't enabled");

    public static readonly Error VerificationEmailNotEnabled =
        new(ErrorKind.Validation, "VERIFICATION_EMAIL_NOT_ENABLED", "Verification email isn't enabled");

    public static readonly Error ChangeEmailDisabled =
        new(ErrorKind.Validation, "CHANGE_EMAIL_DISABLED", "Change email is disabled");

    public static readonly Error InvalidRedirectUrl =
        new(ErrorKind.Forbidden, "INVALID_REDIRECT_URL", "Invalid redirectURL");

    public static readonly Error InvalidCallbackUrl =
        new(ErrorKind.Forbidden, "INVALID_CALLBACK_URL", "Invalid callbackURL");

    /// <summary>
    /// A mailed token, or a session credential, that is not one of ours (or no longer). BetterAuth answers it
    /// 401 on GET /verify-email and for an ID token, 400 on POST /reset-password: 401 everywhere here, the
    /// status of a credential that does not authenticate (docs/compatibility.md).
    /// </summary>
    public static readonly Error InvalidToken =
        new(ErrorKind.Unauthorized, "INVALID_TOKEN", "Invalid token");

    /// <summary>get-session's answer to a credential that is not a token of ours, saying what is wrong with it.</summary>
    public static Error InvalidSessionToken(string? detail) =>
        InvalidToken.WithMessage(detail ?? "The session token is malformed.");

    /// <summary>Only GET /verify-email raises it, where BetterAuth answers every failure 401.</summary>
    public static readonly Error TokenExpired =
        new(ErrorKind.Unauthorized, "TOKEN_EXPIRED", "Token expired");

    public static readonly Error EmailMismatch =
        new(ErrorKind.Validation, "EMAIL_MISMATCH", "Email mismatch");

    public static readonly Error EmailAlreadyVerified =
        new(ErrorKind.Validation, "EMAIL_ALREADY_VERIFIED", "Email is already verified");

    public static readonly Error EmailIsTheSame =
        new(ErrorKind.Validation, "EMAIL_IS_THE_SAME", "Email is the same");

    public static readonly Error EmailNotVerified =
        new(ErrorKind.Forbidden, "EMAIL_NOT_VERIFIED", "Email not verified");
}
