using FluentValidation;

namespace AuthPlatform.Application.Passkeys.VerifyAuthentication;

internal sealed class VerifyAuthenticationCommandValidator : AbstractValidator<VerifyAuthenticationCommand>
{
    public VerifyAuthenticationCommandValidator() =>
        RuleFor(c => c.ResponseJson).NotEmpty().WithMessage("response is required.").MaximumLength(64 * 1024);
}
