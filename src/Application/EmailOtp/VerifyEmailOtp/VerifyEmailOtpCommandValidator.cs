using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.VerifyEmailOtp;

internal sealed class VerifyEmailOtpCommandValidator : AbstractValidator<VerifyEmailOtpCommand>
{
    public VerifyEmailOtpCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Otp).NotEmpty().MaximumLength(64);
    }
}
