using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Users.UpdateUser;

internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator(UsernamePolicy usernames)
    {
        RuleFor(c => c.EmailGiven).Equal(false)
            .OverridePropertyName("email")
            .WithErrorCode(SecurityErrors.EmailCannotBeUpdated.Code).WithMessage(SecurityErrors.EmailCannotBeUpdated.Message);
        RuleFor(c => c)
            .Must(c => c.NameGiven || c.ImageGiven || c.Username is not null || c.DisplayUsername is not null)
            .When(c => !c.EmailGiven)
            .OverridePropertyName("body")
            .WithErrorCode(SecurityErrors.NoFieldsToUpdate.Code).WithMessage(SecurityErrors.NoFieldsToUpdate.Message);
        RuleFor(c => c.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name must not be empty.")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name is too long: at most {User.MaxNameLength} characters.")
            .When(c => c.NameGiven);
        RuleFor(c => c.Username).Username(usernames).When(c => c.Username is not null);
        RuleFor(c => c.DisplayUsername).DisplayUsername();
        RuleFor(c => c.Image)
            .MaximumLength(User.MaxImageLength).WithMessage($"Image is too long: at most {User.MaxImageLength} characters.");
    }
}
