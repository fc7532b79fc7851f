using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Admin.CreateUser;

/// <summary>The sign-up rules (name, address, password policy with breached passwords); the password may be left out.</summary>
internal sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator(PasswordBreachCheck breachCheck)
    {
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.");
        RuleFor(c => c.Email).EmailAddress();
        When(c => c.Password is not null, () =>
        {
            RuleFor(c => c.Password).Password();
            RuleFor(c => c.Password).NotBreached(breachCheck);
        });
        RuleFor(c => c.Roles).SetValidator(new RoleListValidator()!).When(c => c.Roles is not null);
    }
}
