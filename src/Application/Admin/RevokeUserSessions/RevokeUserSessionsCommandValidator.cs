using FluentValidation;

namespace AuthPlatform.Application.Admin.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandValidator : AbstractValidator<RevokeUserSessionsCommand>
{
    public RevokeUserSessionsCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
    }
}
