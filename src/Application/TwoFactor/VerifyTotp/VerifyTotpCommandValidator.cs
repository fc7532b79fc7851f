using FluentValidation;

namespace AuthPlatform.Application.TwoFactor.VerifyTotp;

internal sealed class VerifyTotpCommandValidator : AbstractValidator<VerifyTotpCommand>
{
    public VerifyTotpCommandValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("The code is required.").MaximumLength(16);
}
