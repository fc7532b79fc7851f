using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.EmailPassword.SignUp;

internal sealed class SignUpCommandValidator : AbstractValidator<SignUpCommand>
{
    public SignUpCommandValidator(UsernamePolicy usernames)
    {
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Password).Password();
        RuleFor(c => c.Username).Username(usernames).When(c => c.Username is not null);
        RuleFor(c => c.DisplayUsername).DisplayUsername();
        RuleFor(c => c.Image)
            .MaximumLength(User.MaxImageLength).WithMessage($"Image is too long: at most {User.MaxImageLength} characters.");
    }
}
