using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>The cache's bound must be short and real: between 1 second and 1 hour; the version a short printable word.</summary>
public sealed class SessionCookieCacheOptionsValidator : IValidateOptions<SessionCookieCacheOptions>
{
    public static readonly TimeSpan LongestMaxAge = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, SessionCookieCacheOptions options)
    {
        var problems = new List<string>();
        if (options.MaxAge < TimeSpan.FromSeconds(1) || options.MaxAge > LongestMaxAge)
        {
            problems.Add($"Auth:Session:CookieCache:MaxAge {options.MaxAge} must be between 00:00:01 and 01:00:00: it is how long a revoked session can still be reported by get-session.");
        }

        if (string.IsNullOrEmpty(options.Version) || options.Version.Length > 32 || options.Version.Any(c => c is < '!' or > '~'))
        {
            problems.Add("Auth:Session:CookieCache:Version must be 1 to 32 printable ASCII characters without spaces.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
