using FluentValidation;

namespace AuthPlatform.Application.Admin.RemoveUser;

internal sealed class RemoveUserCommandValidator : AbstractValidator<RemoveUserCommand>
{
    public RemoveUserCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
    }
}
