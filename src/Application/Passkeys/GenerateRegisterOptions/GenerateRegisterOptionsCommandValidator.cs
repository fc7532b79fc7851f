using FluentValidation;

namespace AuthPlatform.Application.Passkeys.GenerateRegisterOptions;

internal sealed class GenerateRegisterOptionsCommandValidator : AbstractValidator<GenerateRegisterOptionsCommand>
{
    public GenerateRegisterOptionsCommandValidator()
    {
        RuleFor(c => c.Name).MaximumLength(256);
        RuleFor(c => c.AuthenticatorAttachment).Must(a => a is null or "platform" or "cross-platform")
            .WithMessage("authenticatorAttachment must be 'platform' or 'cross-platform'.");
    }
}
