using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Mail.ChangeEmail;

internal sealed class ChangeEmailCommandValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailCommandValidator()
    {
        RuleFor(c => c.NewEmail).EmailAddress();
        RuleFor(c => c.CallbackUrl).MaximumLength(RedirectTargets.MaxLength).WithMessage("callbackURL is too long.");
    }
}
