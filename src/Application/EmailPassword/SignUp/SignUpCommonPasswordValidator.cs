using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>Sign-up refuses breached passwords (a second validator beside the length rules).</summary>
internal sealed class SignUpCommonPasswordValidator : AbstractValidator<SignUpCommand>
{
    public SignUpCommonPasswordValidator(PasswordBreachCheck breachCheck)
    {
        RuleFor(c => c.Password).NotBreached(breachCheck);
    }
}
