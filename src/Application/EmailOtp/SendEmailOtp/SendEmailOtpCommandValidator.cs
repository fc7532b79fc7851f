using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Application.Mail;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.SendEmailOtp;

internal sealed class SendEmailOtpCommandValidator : AbstractValidator<SendEmailOtpCommand>
{
    public SendEmailOtpCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Type).Must(t => EmailOtpTypes.TryParse(t, out _)).WithMessage("Invalid OTP type: sign-in, email-verification or forget-password.");
    }
}
