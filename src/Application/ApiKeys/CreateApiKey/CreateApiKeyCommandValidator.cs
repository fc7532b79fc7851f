using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ApiKeys.CreateApiKey;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator(IOptions<ApiKeyOptions> options)
    {
        var settings = options.Value;
        this.ServerOnly(c => c.ServerOnlyFields);
        this.Name(c => c.Name, settings, required: true);
        this.ExpiresIn(c => c.ExpiresIn, settings);
        this.Metadata(c => c.Metadata, settings);
        RuleFor(c => c.Prefix).Must(p => p is null || ApiKeyRules.IsValidPrefix(p))
            .WithErrorCode(Errors.ApiKeys.InvalidPrefixLength.Code).WithMessage(Errors.ApiKeys.InvalidPrefixLength.Message);
    }
}
