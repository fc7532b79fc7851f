using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>The same rules as <see cref="SignUpCommandValidator"/> and <see cref="SignUpCommonPasswordValidator"/>.</summary>
internal sealed class SignUpPendingVerificationCommandValidator : AbstractValidator<SignUpPendingVerificationCommand>
{
    public SignUpPendingVerificationCommandValidator(ICommonPasswordList commonPasswords)
    {
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Password).NotCommon(commonPasswords).When(c => CommonPasswordRules.MeetsLengthRules(c.Password));
        RuleFor(c => c.Image)
            .MaximumLength(User.MaxImageLength).WithMessage($"Image is too long: at most {User.MaxImageLength} characters.");
    }
}
