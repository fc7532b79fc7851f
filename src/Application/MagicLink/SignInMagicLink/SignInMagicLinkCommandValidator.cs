using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.MagicLink.SignInMagicLink;

internal sealed class SignInMagicLinkCommandValidator : AbstractValidator<SignInMagicLinkCommand>
{
    public SignInMagicLinkCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Name).MaximumLength(User.MaxNameLength);
        RuleFor(c => c.CallbackUrl).MaximumLength(RedirectTargets.MaxLength);
        RuleFor(c => c.NewUserCallbackUrl).MaximumLength(RedirectTargets.MaxLength);
        RuleFor(c => c.ErrorCallbackUrl).MaximumLength(RedirectTargets.MaxLength);
    }
}
