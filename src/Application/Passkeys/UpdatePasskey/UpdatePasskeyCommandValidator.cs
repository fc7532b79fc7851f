using FluentValidation;

namespace AuthPlatform.Application.Passkeys.UpdatePasskey;

internal sealed class UpdatePasskeyCommandValidator : AbstractValidator<UpdatePasskeyCommand>
{
    public UpdatePasskeyCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("id is required.").MaximumLength(64);
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name is required.").MaximumLength(256);
    }
}
