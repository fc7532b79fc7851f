using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SessionCache;

public sealed class SessionCacheOptionsValidator : IValidateOptions<SessionCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionCacheOptions options)
    {
        var problems = new List<string>();
        if (options.MaxEntries is < 100 or > 10_000_000)
        {
            problems.Add($"SessionCache:MaxEntries must be between 100 and 10000000 (got {options.MaxEntries}).");
        }

        if (options.MaxAge < TimeSpan.FromSeconds(1) || options.MaxAge > TimeSpan.FromDays(1))
        {
            problems.Add($"SessionCache:MaxAge must be between 00:00:01 and 1.00:00:00 (got {options.MaxAge}).");
        }

        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.HeartbeatInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"SessionCache:HeartbeatInterval must be between 00:00:00.1 and 00:01:00 (got {options.HeartbeatInterval}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
