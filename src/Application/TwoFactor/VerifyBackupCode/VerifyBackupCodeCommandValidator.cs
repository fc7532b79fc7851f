using FluentValidation;

namespace AuthPlatform.Application.TwoFactor.VerifyBackupCode;

internal sealed class VerifyBackupCodeCommandValidator : AbstractValidator<VerifyBackupCodeCommand>
{
    public VerifyBackupCodeCommandValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("The backup code is required.").MaximumLength(32);
}
