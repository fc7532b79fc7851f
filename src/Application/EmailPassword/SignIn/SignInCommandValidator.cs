using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignIn;

internal sealed class SignInCommandValidator : AbstractValidator<SignInCommand>
{
    public SignInCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();

        // Only "present" and "not too long" here: a short password simply fails to match, and the
        // length cap keeps huge inputs away from the hasher.
        RuleFor(c => c.Password)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Password is required.")
            .NotEqual(string.Empty).WithMessage("Password is required.")
            .Must(p => p!.Length <= PasswordRules.MaxLength * 4 && PasswordRules.Length(p) <= PasswordRules.MaxLength)
                .WithErrorCode(PasswordRules.TooLongCode).WithMessage(Errors.PasswordTooLong.Message);
    }
}
