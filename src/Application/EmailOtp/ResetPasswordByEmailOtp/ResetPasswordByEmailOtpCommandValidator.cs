using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.ResetPasswordByEmailOtp;

internal sealed class ResetPasswordByEmailOtpCommandValidator : AbstractValidator<ResetPasswordByEmailOtpCommand>
{
    public ResetPasswordByEmailOtpCommandValidator(ICommonPasswordList commonPasswords)
    {
        // As BetterAuth: the password rules are checked before the code (a bad password spends no attempt).
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Otp).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Password).NotCommon(commonPasswords).When(c => CommonPasswordRules.MeetsLengthRules(c.Password));
    }
}
