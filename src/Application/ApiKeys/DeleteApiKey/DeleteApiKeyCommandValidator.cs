using FluentValidation;

namespace AuthPlatform.Application.ApiKeys.DeleteApiKey;

internal sealed class DeleteApiKeyCommandValidator : AbstractValidator<DeleteApiKeyCommand>
{
    public DeleteApiKeyCommandValidator() => RuleFor(c => c.KeyId).NotEmpty().WithMessage("keyId is required.").MaximumLength(64);
}
