using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.ResetPasswordByEmailOtp;

internal sealed class ResetPasswordByEmailOtpCommandValidator : AbstractValidator<ResetPasswordByEmailOtpCommand>
{
    public ResetPasswordByEmailOtpCommandValidator(PasswordBreachCheck breachCheck)
    {
        // As BetterAuth: the password rules are checked before the code (a bad password spends no attempt).
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Otp).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Password).NotBreached(breachCheck).When(c => CommonPasswordRules.MeetsLengthRules(c.Password));
    }
}
