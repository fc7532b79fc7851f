using FluentValidation;

namespace AuthPlatform.Application.Passkeys.VerifyRegistration;

internal sealed class VerifyRegistrationCommandValidator : AbstractValidator<VerifyRegistrationCommand>
{
    public VerifyRegistrationCommandValidator()
    {
        RuleFor(c => c.ResponseJson).NotEmpty().WithMessage("response is required.").MaximumLength(64 * 1024);
        RuleFor(c => c.Name).MaximumLength(256);
    }
}
