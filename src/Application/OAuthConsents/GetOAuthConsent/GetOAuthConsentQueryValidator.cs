using FluentValidation;

namespace AuthPlatform.Application.OAuthConsents.GetOAuthConsent;

internal sealed class GetOAuthConsentQueryValidator : AbstractValidator<GetOAuthConsentQuery>
{
    public GetOAuthConsentQueryValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("id is required.").MaximumLength(100);
}
