using FluentValidation;

namespace AuthPlatform.Application.RegisterPasskey;

internal sealed class RegisterPasskeyCommandValidator : AbstractValidator<RegisterPasskeyCommand>
{
    public RegisterPasskeyCommandValidator()
    {
        RuleFor(c => c.ResponseJson).NotEmpty().WithMessage("response is required.").MaximumLength(64 * 1024);
        RuleFor(c => c.Name).MaximumLength(256);
    }
}
