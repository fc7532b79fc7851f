using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.RequestPasswordReset;

internal sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.RedirectTo).MaximumLength(RedirectTargets.MaxLength).WithMessage("redirectTo is too long.");
    }
}
