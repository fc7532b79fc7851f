using System.Linq.Expressions;
using System.Text.Json;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using FluentValidation;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>The rules create and update share, each refusing with the plugin's code.</summary>
internal static class ApiKeyRequestRules
{
    public static void ServerOnly<T>(this AbstractValidator<T> validator, Expression<Func<T, IReadOnlyList<string>>> fields) =>
        validator.RuleFor(fields).Must(f => f.Count == 0)
            .WithErrorCode(Errors.ApiKeys.ServerOnlyProperty.Code).WithMessage(Errors.ApiKeys.ServerOnlyProperty.Message);

    public static void Name<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> name, ApiKeyOptions settings, bool required)
    {
        if (required && settings.RequireName)
        {
            validator.RuleFor(name).Must(n => !string.IsNullOrWhiteSpace(n))
                .WithErrorCode(Errors.ApiKeys.NameRequired.Code).WithMessage(Errors.ApiKeys.NameRequired.Message);
        }

        validator.RuleFor(name).Must(n => n is null || (n.Length >= settings.MinimumNameLength && n.Length <= settings.MaximumNameLength))
            .WithErrorCode(Errors.ApiKeys.InvalidNameLength.Code).WithMessage(Errors.ApiKeys.InvalidNameLength.Message);
    }

    public static void ExpiresIn<T>(this AbstractValidator<T> validator, Expression<Func<T, double?>> expiresIn, ApiKeyOptions settings)
    {
        validator.RuleFor(expiresIn).Must(s => s is not { } seconds || (double.IsFinite(seconds) && seconds >= settings.MinimumExpiresIn.TotalSeconds))
            .WithErrorCode(Errors.ApiKeys.ExpiresInIsTooSmall.Code).WithMessage(Errors.ApiKeys.ExpiresInIsTooSmall.Message);
        validator.RuleFor(expiresIn).Must(s => s is not { } seconds || !double.IsFinite(seconds) || seconds <= settings.MaximumExpiresIn.TotalSeconds)
            .WithErrorCode(Errors.ApiKeys.ExpiresInIsTooLarge.Code).WithMessage(Errors.ApiKeys.ExpiresInIsTooLarge.Message);
    }

    public static void Metadata<T>(this AbstractValidator<T> validator, Expression<Func<T, JsonElement?>> metadata, ApiKeyOptions settings)
    {
        validator.RuleFor(metadata).Must(m => m is null || settings.EnableMetadata)
            .WithErrorCode(Errors.ApiKeys.MetadataDisabled.Code).WithMessage(Errors.ApiKeys.MetadataDisabled.Message);
        validator.RuleFor(metadata).Must(m => m is null || m.Value.ValueKind == JsonValueKind.Object)
            .WithErrorCode(Errors.ApiKeys.InvalidMetadataType.Code).WithMessage(Errors.ApiKeys.InvalidMetadataType.Message);
        validator.RuleFor(metadata).Must(m => m is null || m.Value.GetRawText().Length <= MaxMetadataLength)
            .WithMessage($"metadata must be at most {MaxMetadataLength} characters of JSON.");
    }

    public const int MaxMetadataLength = 8192;
}
