using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Limits;

public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Url) && RedisUrl.TryParse(options.Url, out var problem) is null)
        {
            problems.Add(problem!);
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(10))
        {
            problems.Add($"Redis:Timeout must be between 0 and 10 seconds (it is {options.Timeout}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
