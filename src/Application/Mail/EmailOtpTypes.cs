using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Application.Mail;

/// <summary>BetterAuth's email-otp "type" values, and the code and mail kind of each.</summary>
public static class EmailOtpTypes
{
    public const string SignIn = "sign-in";
    public const string EmailVerification = "email-verification";
    public const string ForgetPassword = "forget-password";

    public static readonly IReadOnlyList<string> All = [SignIn, EmailVerification, ForgetPassword];

    public static bool TryParse(string? type, out MailedSecretKind kind)
    {
        kind = type switch
        {
            SignIn => MailedSecretKind.SignInCode,
            EmailVerification => MailedSecretKind.VerificationCode,
            ForgetPassword => MailedSecretKind.PasswordResetCode,
            _ => MailedSecretKind.MagicLink,
        };
        return kind != MailedSecretKind.MagicLink;
    }

    public static MailKind MailOf(MailedSecretKind kind) => kind switch
    {
        MailedSecretKind.SignInCode => MailKind.SignInCode,
        MailedSecretKind.VerificationCode => MailKind.VerificationCode,
        MailedSecretKind.PasswordResetCode => MailKind.PasswordResetCode,
        _ => MailKind.MagicLink,
    };
}
