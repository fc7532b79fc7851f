using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.ResetPassword;

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator(PasswordBreachCheck breachCheck)
    {
        // BetterAuth checks the token's presence first, then the password rules.
        RuleFor(c => c.Token).NotEmpty().WithErrorCode(Errors.InvalidToken.Code).WithMessage(Errors.InvalidToken.Message);
        RuleFor(c => c.NewPassword).Password().When(c => !string.IsNullOrEmpty(c.Token));
        RuleFor(c => c.NewPassword).NotBreached(breachCheck).When(c => !string.IsNullOrEmpty(c.Token));
    }
}
