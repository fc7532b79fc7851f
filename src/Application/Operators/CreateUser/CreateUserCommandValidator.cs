using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Operators.CreateUser;

/// <summary>The sign-up rules: the same name limits, email shape and password policy (breached passwords included).</summary>
internal sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator(PasswordBreachCheck breachCheck)
    {
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Password).NotBreached(breachCheck);
    }
}
