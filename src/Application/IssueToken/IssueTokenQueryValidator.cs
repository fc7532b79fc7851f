using FluentValidation;

namespace AuthPlatform.Application.IssueToken;

internal sealed class IssueTokenQueryValidator : AbstractValidator<IssueTokenQuery>
{
    public IssueTokenQueryValidator()
    {
        RuleFor(q => q.Token.Value).NotEmpty().WithMessage("A session token is required.");
        RuleFor(q => q.CredentialSource).NotEmpty();
    }
}
