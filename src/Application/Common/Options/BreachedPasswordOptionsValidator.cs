using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Every problem of Auth:BreachedPasswords at once.</summary>
public sealed class BreachedPasswordOptionsValidator : IValidateOptions<BreachedPasswordOptions>
{
    public ValidateOptionsResult Validate(string? name, BreachedPasswordOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.RangeUrl, UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)
            || !url.AbsolutePath.EndsWith('/'))
        {
            problems.Add("Auth:BreachedPasswords:RangeUrl must be an absolute http(s) URL ending in '/' without query (the five-character prefix is appended).");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromSeconds(30))
        {
            problems.Add("Auth:BreachedPasswords:Timeout must be between 100 milliseconds and 30 seconds (it delays every password change when the range is slow).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
