namespace AuthPlatform.Application.Common.Results;

/// <summary>Names the mail flows' entries of the catalogue, <see cref="Errors"/>, under which existing code knows them.</summary>
public static class MailErrors
{
    public static readonly Error ResetPasswordDisabled = Errors.ResetPasswordDisabled;
    public static readonly Error VerificationEmailNotEnabled = Errors.VerificationEmailNotEnabled;
    public static readonly Error ChangeEmailDisabled = Errors.ChangeEmailDisabled;
    public static readonly Error InvalidRedirectUrl = Errors.InvalidRedirectUrl;
    public static readonly Error InvalidCallbackUrl = Errors.InvalidCallbackUrl;
    public static readonly Error InvalidToken = Errors.InvalidToken;
    public static readonly Error TokenExpired = Errors.TokenExpired;
    public static readonly Error EmailMismatch = Errors.EmailMismatch;
    public static readonly Error EmailAlreadyVerified = Errors.EmailAlreadyVerified;
    public static readonly Error EmailIsTheSame = Errors.EmailIsTheSame;
    public static readonly Error EmailNotVerified = Errors.EmailNotVerified;
    public static readonly Error UserNotFound = Errors.UserNotFound;
}
