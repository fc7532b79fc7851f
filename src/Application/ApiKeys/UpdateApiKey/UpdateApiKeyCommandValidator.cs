using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ApiKeys.UpdateApiKey;

internal sealed class UpdateApiKeyCommandValidator : AbstractValidator<UpdateApiKeyCommand>
{
    public UpdateApiKeyCommandValidator(IOptions<ApiKeyOptions> options)
    {
        var settings = options.Value;
        this.ServerOnly(c => c.ServerOnlyFields);
        RuleFor(c => c.KeyId).NotEmpty().WithMessage("keyId is required.").MaximumLength(64);
        RuleFor(c => c).Must(c => c.ChangesSomething || c.ServerOnlyFields.Count > 0)
            .WithErrorCode(Errors.ApiKeys.NoValuesToUpdate.Code).WithMessage(Errors.ApiKeys.NoValuesToUpdate.Message);
        this.Name(c => c.Name, settings, required: false);
        this.ExpiresIn(c => c.ExpiresIn, settings);
        this.Metadata(c => c.Metadata, settings);
    }
}
