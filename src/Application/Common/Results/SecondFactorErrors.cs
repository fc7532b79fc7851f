namespace AuthPlatform.Application.Common.Results;

/// <summary>Names the two-factor and passkey entries of the catalogue, <see cref="Errors"/>, under which existing code knows them.</summary>
public static class SecondFactorErrors
{
    public static readonly Error TotpNotEnabled = Errors.TotpNotEnabled;
    public static readonly Error TotpAlreadyEnabled = Errors.TotpAlreadyEnabled;
    public static readonly Error TwoFactorNotEnabled = Errors.TwoFactorNotEnabled;
    public static readonly Error BackupCodesNotEnabled = Errors.BackupCodesNotEnabled;
    public static readonly Error InvalidCode = Errors.InvalidCode;
    public static readonly Error InvalidBackupCode = Errors.InvalidBackupCode;
    public static readonly Error InvalidTwoFactorCookie = Errors.InvalidTwoFactorCookie;
    public static readonly Error TooManyAttempts = Errors.TooManyAttemptsRequestNewCode;
    public static readonly Error SecretUnavailable = Errors.TwoFactorSecretUnavailable;

    public static Error AccountLocked(TimeSpan retryAfter) => Errors.AccountTemporarilyLocked.WithRetryAfter(retryAfter);

    public static readonly Error ChallengeNotFound = Errors.ChallengeNotFound;
    public static readonly Error RegistrationFailed = Errors.FailedToVerifyRegistration;
    public static readonly Error NotAllowedToRegister = Errors.NotAllowedToRegisterPasskey;
    public static readonly Error PasskeyNotFound = Errors.PasskeyNotFound;
    public static readonly Error LastWayToSignIn = Errors.CannotDeleteLastSignInMethod;
    public static readonly Error PasskeyAlreadyRegistered = Errors.PasskeyAlreadyRegistered;
    public static readonly Error AuthenticationFailed = Errors.AuthenticationFailed;
}
