using FluentValidation;

namespace AuthPlatform.Application.Tokens.IssueToken;

internal sealed class IssueTokenQueryValidator : AbstractValidator<IssueTokenQuery>
{
    public IssueTokenQueryValidator() => RuleFor(q => q.Session).NotNull().WithMessage("A live session is required.");
}
