using FluentValidation;

namespace AuthPlatform.Application.OAuthConsents.UpdateOAuthConsent;

internal sealed class UpdateOAuthConsentCommandValidator : AbstractValidator<UpdateOAuthConsentCommand>
{
    public UpdateOAuthConsentCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required.").MaximumLength(100);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("update.scopes is required: at least one scope (delete-consent withdraws a consent).")
            .Must(s => s!.Count <= 50).WithMessage("update.scopes has at most 50 scopes.");
        RuleForEach(c => c.Scopes).NotEmpty().MaximumLength(200);
    }
}
