using FluentValidation;

namespace AuthPlatform.Application.Admin.RevokeUserSession;

internal sealed class RevokeUserSessionCommandValidator : AbstractValidator<RevokeUserSessionCommand>
{
    public RevokeUserSessionCommandValidator()
    {
        RuleFor(c => c.SessionToken).NotEmpty().MaximumLength(256);
    }
}
