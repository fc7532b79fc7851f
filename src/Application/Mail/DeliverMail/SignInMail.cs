using System.Globalization;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Application.Mail.DeliverMail;

/// <summary>What <see cref="SignInMail.Prepare"/> decided for a magic-link or code job: a mail, or nothing to send (<see cref="Mail"/> null).</summary>
public sealed record SignInMailDecision(PreparedMail? Mail);

/// <summary>
/// The magic-link and one-time-code mails, decided at send time like every mail (so the request never reveals
/// whether the address has an account): a magic link or a sign-in code also goes to an address without an
/// account while sign-up is allowed; a verification code only to an unverified user; a reset code only to a user.
/// The secret is minted here, its digest added to the sender's transaction.
/// </summary>
internal static class SignInMail
{
    /// <summary>Null when the job is not one of these kinds.</summary>
    public static SignInMailDecision? Prepare(
        MailJob job, User? user, MagicLinkOptions magicLink, EmailOtpOptions emailOtp, IServiceUrls urls, MailedCodes codes, IAuthDbContext db, DateTimeOffset now)
    {
        switch (job.Kind)
        {
            case MailKind.MagicLink:
            {
                if (user is null && magicLink.DisableSignUp)
                {
                    return new(null);
                }

                var token = MagicLinks.Issue(db, job.Recipient, job.SignUpName, magicLink.ExpiresIn, now);
                var url = urls.MagicLink(token, job.CallbackUrl, job.NewUserCallbackUrl, job.ErrorCallbackUrl);
                return new(Mail(job, ("url", url), ("expiresInMinutes", Minutes(magicLink.ExpiresIn))));
            }

            case MailKind.SignInCode when user is not null || !emailOtp.DisableSignUp:
                return Code(MailedSecretKind.SignInCode);
            case MailKind.VerificationCode when user is { EmailVerified: false }:
                return Code(MailedSecretKind.VerificationCode);
            case MailKind.PasswordResetCode when user is not null:
                return Code(MailedSecretKind.PasswordResetCode);
            case MailKind.SignInCode or MailKind.VerificationCode or MailKind.PasswordResetCode:
                return new(null);
            default:
                return null;
        }

        SignInMailDecision Code(MailedSecretKind kind)
        {
            var code = codes.Issue(kind, job.Recipient, now);
            return new(Mail(job, ("otp", code.Value), ("expiresInMinutes", Minutes(emailOtp.ExpiresIn))));
        }
    }

    private static PreparedMail Mail(MailJob job, params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = job.Recipient };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        return new PreparedMail(job.Kind, job.Recipient, all);
    }

    private static string Minutes(TimeSpan lifetime) => ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
