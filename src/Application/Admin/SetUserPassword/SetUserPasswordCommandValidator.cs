using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Admin.SetUserPassword;

internal sealed class SetUserPasswordCommandValidator : AbstractValidator<SetUserPasswordCommand>
{
    public SetUserPasswordCommandValidator(PasswordBreachCheck breachCheck)
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.NewPassword).Password();
        RuleFor(c => c.NewPassword).NotBreached(breachCheck);
    }
}
