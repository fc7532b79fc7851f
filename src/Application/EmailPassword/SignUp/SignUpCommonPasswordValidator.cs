using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>Sign-up refuses the most common breached passwords (a second validator beside the length rules).</summary>
internal sealed class SignUpCommonPasswordValidator : AbstractValidator<SignUpCommand>
{
    public SignUpCommonPasswordValidator(ICommonPasswordList commonPasswords)
    {
        RuleFor(c => c.Password).NotCommon(commonPasswords).When(c => CommonPasswordRules.MeetsLengthRules(c.Password));
    }
}
