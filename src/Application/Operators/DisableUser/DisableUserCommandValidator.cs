using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Operators.DisableUser;

internal sealed class DisableUserCommandValidator : AbstractValidator<DisableUserCommand>
{
    public DisableUserCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
    }
}
