using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Operators.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandValidator : AbstractValidator<RevokeUserSessionsCommand>
{
    public RevokeUserSessionsCommandValidator() => RuleFor(c => c.Email).EmailAddress();
}
