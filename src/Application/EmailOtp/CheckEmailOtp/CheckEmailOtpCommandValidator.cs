using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Application.Mail;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.CheckEmailOtp;

internal sealed class CheckEmailOtpCommandValidator : AbstractValidator<CheckEmailOtpCommand>
{
    public CheckEmailOtpCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Type).Must(t => EmailOtpTypes.TryParse(t, out _)).WithMessage("Invalid OTP type: sign-in, email-verification or forget-password.");
        RuleFor(c => c.Otp).NotEmpty().MaximumLength(64);
    }
}
