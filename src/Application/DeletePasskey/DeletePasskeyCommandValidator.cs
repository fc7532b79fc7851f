using FluentValidation;

namespace AuthPlatform.Application.DeletePasskey;

internal sealed class DeletePasskeyCommandValidator : AbstractValidator<DeletePasskeyCommand>
{
    public DeletePasskeyCommandValidator() => RuleFor(c => c.Id).NotEmpty().WithMessage("id is required.").MaximumLength(64);
}
