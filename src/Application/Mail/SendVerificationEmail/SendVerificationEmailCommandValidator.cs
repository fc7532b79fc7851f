using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Mail.SendVerificationEmail;

internal sealed class SendVerificationEmailCommandValidator : AbstractValidator<SendVerificationEmailCommand>
{
    public SendVerificationEmailCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.CallbackUrl).MaximumLength(RedirectTargets.MaxLength).WithMessage("callbackURL is too long.");
    }
}
