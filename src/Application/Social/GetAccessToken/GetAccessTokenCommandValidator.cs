using FluentValidation;

namespace AuthPlatform.Application.Social.GetAccessToken;

internal sealed class GetAccessTokenCommandValidator : AbstractValidator<GetAccessTokenCommand>
{
    public GetAccessTokenCommandValidator() =>
        RuleFor(c => c.AccountId).NotEmpty().When(c => string.IsNullOrEmpty(c.ProviderId)).WithMessage("accountId or providerId is required.");
}
