using FluentValidation;

namespace AuthPlatform.Application.Admin.ImpersonateUser;

internal sealed class ImpersonateUserCommandValidator : AbstractValidator<ImpersonateUserCommand>
{
    public ImpersonateUserCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
    }
}
