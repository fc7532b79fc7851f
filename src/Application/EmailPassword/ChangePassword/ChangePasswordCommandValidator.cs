using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.ChangePassword;

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(PasswordBreachCheck breachCheck)
    {
        // The current password is only compared, so only "present and not huge", as at sign-in.
        RuleFor(c => c.CurrentPassword)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("The current password is required.")
            .Must(p => p!.Length <= PasswordRules.MaxLength * 4 && PasswordRules.Length(p) <= PasswordRules.MaxLength)
                .WithErrorCode(PasswordRules.TooLongCode).WithMessage(Errors.PasswordTooLong.Message);
        RuleFor(c => c.NewPassword).Password();
        RuleFor(c => c.NewPassword).NotBreached(breachCheck);
    }
}
