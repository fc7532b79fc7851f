using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = new List<string>();
        if (options.PermitLimit < 1 || options.CredentialPermitLimit < 1)
        {
            problems.Add("Auth:RateLimits:PermitLimit and CredentialPermitLimit must be at least 1 (rate limits cannot be switched off).");
        }

        if (options.Window <= TimeSpan.Zero || options.CredentialWindow <= TimeSpan.Zero || options.Window > TimeSpan.FromHours(1) || options.CredentialWindow > TimeSpan.FromHours(1))
        {
            problems.Add("Auth:RateLimits:Window and CredentialWindow must be between 00:00:01 and 01:00:00.");
        }

        if (options.MailPermitLimit < 1 || options.MailWindow <= TimeSpan.Zero || options.MailWindow > TimeSpan.FromHours(1))
        {
            problems.Add("Auth:RateLimits:MailPermitLimit must be at least 1 and MailWindow between 00:00:01 and 01:00:00.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
