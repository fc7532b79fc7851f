using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Every problem of Auth:TwoFactor at once.</summary>
public sealed class TwoFactorOptionsValidator : IValidateOptions<TwoFactorOptions>
{
    public ValidateOptionsResult Validate(string? name, TwoFactorOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || options.Issuer.Contains(':', StringComparison.Ordinal) || options.Issuer.Length > 64)
        {
            problems.Add("Auth:TwoFactor:Issuer must be 1 to 64 characters without ':' (it labels the account in authenticator apps).");
        }

        if (options.ChallengeLifetime < TimeSpan.FromMinutes(1) || options.ChallengeLifetime > TimeSpan.FromHours(1))
        {
            problems.Add("Auth:TwoFactor:ChallengeLifetime must be between 1 minute and 1 hour.");
        }

        if (options.TrustDeviceLifetime < TimeSpan.Zero || options.TrustDeviceLifetime > TimeSpan.FromDays(400))
        {
            problems.Add("Auth:TwoFactor:TrustDeviceLifetime must be between 0 (no trusted devices) and 400 days (browsers cap cookies there).");
        }

        if (options.MaxFailedAttempts is < 3 or > 100)
        {
            problems.Add("Auth:TwoFactor:MaxFailedAttempts must be between 3 and 100.");
        }

        if (options.LockoutDuration < TimeSpan.FromMinutes(1) || options.LockoutDuration > TimeSpan.FromDays(1))
        {
            problems.Add("Auth:TwoFactor:LockoutDuration must be between 1 minute and 1 day.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
