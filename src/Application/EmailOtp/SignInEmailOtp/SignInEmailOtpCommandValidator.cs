using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.EmailOtp.SignInEmailOtp;

internal sealed class SignInEmailOtpCommandValidator : AbstractValidator<SignInEmailOtpCommand>
{
    public SignInEmailOtpCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Otp).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Name).MaximumLength(User.MaxNameLength);
        RuleFor(c => c.Image).MaximumLength(User.MaxImageLength);
    }
}
