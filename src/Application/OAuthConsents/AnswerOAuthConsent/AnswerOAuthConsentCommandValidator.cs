using FluentValidation;

namespace AuthPlatform.Application.OAuthConsents.AnswerOAuthConsent;

internal sealed class AnswerOAuthConsentCommandValidator : AbstractValidator<AnswerOAuthConsentCommand>
{
    public AnswerOAuthConsentCommandValidator()
    {
        RuleFor(c => c.ConsentCode).NotEmpty().WithMessage("consent_code is required.").MaximumLength(8192);
        RuleFor(c => c.Accept).NotNull().WithMessage("accept is required (true or false).");
    }
}
