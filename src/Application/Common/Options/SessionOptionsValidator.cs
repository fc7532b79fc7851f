using AuthPlatform.Domain.Common;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>The lifetimes must be positive and ordered (the domain's rules, reported as configuration problems).</summary>
public sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var problems = new List<string>();
        try
        {
            _ = options.ToLifetime();
        }
        catch (DomainRuleException ex)
        {
            problems.Add($"Auth:Session: {ex.Message} (ExpiresIn {options.ExpiresIn}, UpdateAge {options.UpdateAge}, AbsoluteLifetime {options.AbsoluteLifetime}, ShortExpiresIn {options.ShortExpiresIn}).");
        }

        if (options.FreshAge < TimeSpan.Zero)
        {
            problems.Add("Auth:Session:FreshAge must not be negative.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
