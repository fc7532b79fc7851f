using FluentValidation;

namespace AuthPlatform.Application.Passkeys.DeletePasskey;

internal sealed class DeletePasskeyCommandValidator : AbstractValidator<DeletePasskeyCommand>
{
    public DeletePasskeyCommandValidator() => RuleFor(c => c.Id).NotEmpty().WithMessage("id is required.").MaximumLength(64);
}
