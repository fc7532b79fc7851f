using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Checks the API-key settings at start-up, every problem at once.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Header) || !options.Header.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            problems.Add($"Auth:ApiKeys:Header must be a header name of letters, digits and '-' (got '{options.Header}').");
        }

        if (options.KeyLength is < 32 or > 256)
        {
            problems.Add($"Auth:ApiKeys:KeyLength must be between 32 and 256 (got {options.KeyLength}): shorter keys can be guessed.");
        }

        if (options.DefaultPrefix is { } prefix && !ApiKeyRules.IsValidPrefix(prefix))
        {
            problems.Add($"Auth:ApiKeys:DefaultPrefix must be 1 to {ApiKeyRules.MaximumPrefixLength} letters, digits, '_' or '-'.");
        }

        if (options.MinimumNameLength < 0 || options.MaximumNameLength < Math.Max(1, options.MinimumNameLength) || options.MaximumNameLength > 256)
        {
            problems.Add("Auth:ApiKeys:MinimumNameLength and MaximumNameLength must satisfy 0 <= minimum <= maximum <= 256, maximum at least 1.");
        }

        if (options.MinimumExpiresIn < TimeSpan.Zero || options.MaximumExpiresIn < options.MinimumExpiresIn)
        {
            problems.Add("Auth:ApiKeys:MinimumExpiresIn and MaximumExpiresIn must satisfy 0 <= minimum <= maximum.");
        }

        if (options.DefaultExpiresIn is { } expiresIn && (expiresIn < options.MinimumExpiresIn || expiresIn > options.MaximumExpiresIn))
        {
            problems.Add("Auth:ApiKeys:DefaultExpiresIn must lie between MinimumExpiresIn and MaximumExpiresIn.");
        }

        if (options.RateLimitEnabled && (options.RateLimitMax < 1 || options.RateLimitTimeWindow <= TimeSpan.Zero))
        {
            problems.Add("Auth:ApiKeys:RateLimitMax must be at least 1 and RateLimitTimeWindow positive while RateLimitEnabled is true.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>The format rules of a key's parts, shared by the validator of the settings and of requests.</summary>
public static class ApiKeyRules
{
    public const int MaximumPrefixLength = 32;

    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 1 and <= MaximumPrefixLength && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
