using FluentValidation;

namespace AuthPlatform.Application.Sessions.SignOut;

internal sealed class SignOutCommandValidator : AbstractValidator<SignOutCommand>
{
    public SignOutCommandValidator()
    {
        // A token, when given, must be a parsed one (the HTTP layer parses it); none is fine.
        RuleFor(c => c.Token!.Value.Value)
            .NotEmpty().WithMessage("The session token is malformed.")
            .When(c => c.Token is not null);
    }
}
