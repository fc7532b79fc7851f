using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>The same rules as <see cref="SignUpCommandValidator"/> and <see cref="SignUpCommonPasswordValidator"/>.</summary>
internal sealed class SignUpPendingVerificationCommandValidator : AbstractValidator<SignUpPendingVerificationCommand>
{
    public SignUpPendingVerificationCommandValidator(PasswordBreachCheck breachCheck, UsernamePolicy usernames)
    {
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Password).NotBreached(breachCheck);
        RuleFor(c => c.Username).Username(usernames).When(c => c.Username is not null);
        RuleFor(c => c.DisplayUsername).DisplayUsername();
        RuleFor(c => c.Image)
            .MaximumLength(User.MaxImageLength).WithMessage($"Image is too long: at most {User.MaxImageLength} characters.");
    }
}
