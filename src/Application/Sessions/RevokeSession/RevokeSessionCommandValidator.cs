using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;
using FluentValidation;

namespace AuthPlatform.Application.Sessions.RevokeSession;

internal sealed class RevokeSessionCommandValidator : AbstractValidator<RevokeSessionCommand>
{
    public RevokeSessionCommandValidator()
    {
        RuleFor(c => c)
            .Must(c => !string.IsNullOrEmpty(c.Token) || !string.IsNullOrEmpty(c.Id))
            .OverridePropertyName("token")
            .WithMessage("Name the session to revoke: {\"token\": ...} or {\"id\": ...}.");
        RuleFor(c => c.Token).MaximumLength(SessionToken.MaxLength * 2).WithMessage("The token is too long.");
        RuleFor(c => c.Id).MaximumLength(RandomId.Length * 2).WithMessage("The id is too long.");
    }
}
