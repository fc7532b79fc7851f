using FluentValidation;

namespace AuthPlatform.Application.ApiKeys.VerifyApiKey;

internal sealed class VerifyApiKeyCommandValidator : AbstractValidator<VerifyApiKeyCommand>
{
    public const int MaxKeyLength = 512;

    public VerifyApiKeyCommandValidator()
    {
        RuleFor(c => c.Key).NotEmpty().WithMessage("key is required.").MaximumLength(MaxKeyLength);
        RuleFor(c => c.Permissions).Must(p => p is null || ApiKeyPermissions.Parse(p.Value) is not null)
            .WithMessage("permissions must be an object of resource names to lists of actions.");
    }
}
