using FluentValidation;

namespace AuthPlatform.Application.ApiKeys.GetApiKey;

internal sealed class GetApiKeyQueryValidator : AbstractValidator<GetApiKeyQuery>
{
    public GetApiKeyQueryValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("id is required.").MaximumLength(64);
}
