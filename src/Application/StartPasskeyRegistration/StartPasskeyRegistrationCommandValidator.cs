using FluentValidation;

namespace AuthPlatform.Application.StartPasskeyRegistration;

internal sealed class StartPasskeyRegistrationCommandValidator : AbstractValidator<StartPasskeyRegistrationCommand>
{
    public StartPasskeyRegistrationCommandValidator()
    {
        RuleFor(c => c.Name).MaximumLength(256);
        RuleFor(c => c.AuthenticatorAttachment).Must(a => a is null or "platform" or "cross-platform")
            .WithMessage("authenticatorAttachment must be 'platform' or 'cross-platform'.");
    }
}
