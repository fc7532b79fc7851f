using FluentValidation;

namespace AuthPlatform.Application.Sessions.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandValidator : AbstractValidator<RevokeOtherSessionsCommand>
{
    public RevokeOtherSessionsCommandValidator()
    {
        RuleFor(c => c.Actor.User.Id).NotEmpty();
    }
}
