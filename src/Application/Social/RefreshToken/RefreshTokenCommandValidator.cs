using FluentValidation;

namespace AuthPlatform.Application.Social.RefreshToken;

internal sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator() =>
        RuleFor(c => c.AccountId).NotEmpty().When(c => string.IsNullOrEmpty(c.ProviderId)).WithMessage("accountId or providerId is required.");
}
