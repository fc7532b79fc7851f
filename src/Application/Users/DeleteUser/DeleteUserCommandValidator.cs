using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Users.DeleteUser;

internal sealed class DeleteUserCommandValidator : AbstractValidator<DeleteUserCommand>
{
    public DeleteUserCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
    }
}
