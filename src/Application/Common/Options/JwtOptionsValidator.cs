using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.SigningKeys;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Start-up rules for <see cref="JwtOptions"/>; every problem is reported, naming what to change.</summary>
public sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    /// <summary>How long a .NET resource server (JwtBearer) keeps the discovery document and JWKS before refetching.</summary>
    public static readonly TimeSpan VerifierMetadataRefresh = TimeSpan.FromHours(12);

    /// <summary>The largest clock skew verifiers are expected to allow (JwtBearer's default).</summary>
    public static readonly TimeSpan MaximumClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var problems = new List<string>();
        if (!SigningAlgorithms.TryParse(options.Algorithm, out _))
        {
            problems.Add($"AUTH_JWT_ALGORITHM '{options.Algorithm}' is not supported: use one of {string.Join(", ", SigningAlgorithms.All.Select(a => a.JoseName()))} (ES256 is the default).");
        }

        if (!string.IsNullOrWhiteSpace(options.Issuer)
            && (!Uri.TryCreate(options.Issuer.Trim(), UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment) || !string.IsNullOrEmpty(issuer.UserInfo)))
        {
            problems.Add($"AUTH_JWT_ISSUER '{options.Issuer}' must be an absolute http(s) URL without credentials, query or fragment, e.g. https://auth.example.com.");
        }

        foreach (var audience in AuthOptions.SplitList(options.Audience))
        {
            if (audience.Any(char.IsWhiteSpace))
            {
                problems.Add($"AUTH_JWT_AUDIENCE entry '{audience}' contains whitespace; list audiences separated by commas.");
            }
        }

        if (options.ExpiresIn < TimeSpan.FromSeconds(30) || options.ExpiresIn > TimeSpan.FromDays(1))
        {
            problems.Add($"Auth:Jwt:ExpiresIn {options.ExpiresIn} must be between 30 seconds and 1 day (default 15 minutes).");
        }

        if (options.JwksMaxAge < TimeSpan.Zero || options.JwksMaxAge > TimeSpan.FromDays(1))
        {
            problems.Add($"Auth:Jwt:JwksMaxAge {options.JwksMaxAge} must be between 0 and 1 day.");
        }

        ValidateKeys(options, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateKeys(JwtOptions options, List<string> problems)
    {
        var keys = options.Keys;
        try
        {
            _ = options.ToSchedule();
        }
        catch (DomainRuleException ex)
        {
            problems.Add($"Auth:Jwt:Keys: {ex.Message} (RotationInterval {keys.RotationInterval}, PublishAhead {keys.PublishAhead}, RetainAfterRetirement {keys.RetainAfterRetirement}, token lifetime plus clock skew {options.TokenValidity}).");
        }

        var minimumAhead = options.JwksMaxAge + VerifierMetadataRefresh;
        if (keys.PublishAhead < minimumAhead)
        {
            problems.Add($"Auth:Jwt:Keys:PublishAhead {keys.PublishAhead} is too short: a new key must be published for at least the JWKS max-age plus the 12 h verifiers cache metadata ({minimumAhead}) before it signs, or verifiers reject its tokens.");
        }

        if (keys.RefreshInterval < TimeSpan.FromSeconds(1) || keys.RefreshInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"Auth:Jwt:Keys:RefreshInterval {keys.RefreshInterval} must be between 1 second and 1 hour.");
        }
    }
}
