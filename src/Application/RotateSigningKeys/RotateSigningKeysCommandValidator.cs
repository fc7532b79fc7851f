using FluentValidation;

namespace AuthPlatform.Application.RotateSigningKeys;

internal sealed class RotateSigningKeysCommandValidator : AbstractValidator<RotateSigningKeysCommand>
{
    public RotateSigningKeysCommandValidator() =>
        RuleFor(c => c.Trigger).NotEmpty().MaximumLength(32);
}
