using AuthPlatform.Domain.SigningKeys;
using FluentValidation;

namespace AuthPlatform.Application.Operators.RotateSigningKeys;

internal sealed class RotateSigningKeysCommandValidator : AbstractValidator<RotateSigningKeysCommand>
{
    public RotateSigningKeysCommandValidator()
    {
        RuleFor(c => c.Trigger).NotEmpty().MaximumLength(32);
        RuleFor(c => c.RevokeKeyId).NotEmpty().MaximumLength(SigningKey.MaxKeyIdLength).When(c => c.RevokeKeyId is not null);
    }
}
