using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Security;

public sealed class SignInThrottleOptionsValidator : IValidateOptions<SignInThrottleOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInThrottleOptions options)
    {
        var problems = new List<string>();
        if (options.Burst < 1)
        {
            problems.Add($"Auth:SignInThrottle:Burst must be at least 1 (it is {options.Burst}).");
        }

        if (options.MaxFailuresPerHour <= options.Burst)
        {
            problems.Add($"Auth:SignInThrottle:MaxFailuresPerHour ({options.MaxFailuresPerHour}) must be larger than Burst ({options.Burst}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
