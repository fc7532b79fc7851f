using AuthPlatform.Application.Common.Results;
using FluentValidation;

namespace AuthPlatform.Application.TwoFactor.EnableTwoFactor;

internal sealed class EnableTwoFactorCommandValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorCommandValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithErrorCode(Errors.InvalidPassword.Code).WithMessage("The password is required.").MaximumLength(512);
        RuleFor(c => c.Issuer).MaximumLength(64).Must(i => i is null || !i.Contains(':', StringComparison.Ordinal))
            .WithMessage("The issuer must be at most 64 characters without ':'.");
    }
}
