using FluentValidation;

namespace AuthPlatform.Application.Admin.UnbanUser;

internal sealed class UnbanUserCommandValidator : AbstractValidator<UnbanUserCommand>
{
    public UnbanUserCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
    }
}
