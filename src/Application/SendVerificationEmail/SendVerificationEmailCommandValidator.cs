using AuthPlatform.Application.Common.Mail;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.SendVerificationEmail;

internal sealed class SendVerificationEmailCommandValidator : AbstractValidator<SendVerificationEmailCommand>
{
    public SendVerificationEmailCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.CallbackUrl).MaximumLength(RedirectTargets.MaxLength).WithMessage("callbackURL is too long.");
    }
}
