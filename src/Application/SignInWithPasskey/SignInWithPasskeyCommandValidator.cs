using FluentValidation;

namespace AuthPlatform.Application.SignInWithPasskey;

internal sealed class SignInWithPasskeyCommandValidator : AbstractValidator<SignInWithPasskeyCommand>
{
    public SignInWithPasskeyCommandValidator() =>
        RuleFor(c => c.ResponseJson).NotEmpty().WithMessage("response is required.").MaximumLength(64 * 1024);
}
