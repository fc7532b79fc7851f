using FluentValidation;

namespace AuthPlatform.Application.OAuthConsents.RevokeOAuthConsent;

internal sealed class RevokeOAuthConsentCommandValidator : AbstractValidator<RevokeOAuthConsentCommand>
{
    public RevokeOAuthConsentCommandValidator() => RuleFor(c => c.Id).NotEmpty().WithMessage("id is required.").MaximumLength(100);
}
