using AuthPlatform.Application.ApiKeys.VerifyApiKey;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ApiKeys.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyCommandValidator : AbstractValidator<AuthenticateApiKeyCommand>
{
    // A key shorter than any this service issues is refused before any lookup (BetterAuth: 403 there, 401 here).
    public AuthenticateApiKeyCommandValidator(IOptions<ApiKeyOptions> options) =>
        RuleFor(c => c.Key).Must(k => k.Length >= options.Value.KeyLength && k.Length <= VerifyApiKeyCommandValidator.MaxKeyLength)
            .WithErrorCode(Errors.ApiKeys.InvalidApiKey.Code).WithMessage(Errors.ApiKeys.InvalidApiKey.Message);
}
