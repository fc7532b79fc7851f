using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

public sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var problems = options.Entries
            .Where(entry => !TrustedProxyOptions.TryParse(entry, out _))
            .Select(entry => $"AUTH_TRUSTED_PROXIES entry '{entry}' is neither an IP address nor a network (e.g. 10.0.0.5 or 10.0.0.0/8).")
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
