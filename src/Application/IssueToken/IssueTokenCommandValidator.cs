using FluentValidation;

namespace AuthPlatform.Application.IssueToken;

internal sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(c => c.Token.Value).NotEmpty().WithMessage("A session token is required.");
        RuleFor(c => c.CredentialSource).NotEmpty();
    }
}
