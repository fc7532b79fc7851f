using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Operators.ResetTwoFactor;

internal sealed class ResetTwoFactorCommandValidator : AbstractValidator<ResetTwoFactorCommand>
{
    public ResetTwoFactorCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Operator).NotEmpty().MaximumLength(128);
    }
}
