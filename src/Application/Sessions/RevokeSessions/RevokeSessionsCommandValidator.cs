using FluentValidation;

namespace AuthPlatform.Application.Sessions.RevokeSessions;

internal sealed class RevokeSessionsCommandValidator : AbstractValidator<RevokeSessionsCommand>
{
    public RevokeSessionsCommandValidator()
    {
        RuleFor(c => c.Actor.User.Id).NotEmpty();
    }
}
