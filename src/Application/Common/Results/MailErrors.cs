namespace AuthPlatform.Application.Common.Results;

/// <summary>Errors of password reset, email verification and change of email, with BetterAuth's codes.</summary>
public static class MailErrors
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

    public static readonly Error InvalidToken =
        new(ErrorKind.Validation, "INVALID_TOKEN", "Invalid token");

    public static readonly Error TokenExpired =
        new(ErrorKind.Validation, "TOKEN_EXPIRED", "Token expired");

    public static readonly Error EmailMismatch =
        new(ErrorKind.Validation, "EMAIL_MISMATCH", "Email mismatch");

    public static readonly Error EmailAlreadyVerified =
        new(ErrorKind.Validation, "EMAIL_ALREADY_VERIFIED", "Email is already verified");

    public static readonly Error EmailIsTheSame =
        new(ErrorKind.Validation, "EMAIL_IS_THE_SAME", "Email is the same");

    public static readonly Error EmailNotVerified =
        new(ErrorKind.Forbidden, "EMAIL_NOT_VERIFIED", "Email not verified");

    public static readonly Error UserNotFound =
        new(ErrorKind.Validation, "USER_NOT_FOUND", "User not found");
}
