using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Start-up rules for <see cref="AuthOptions"/>. Every failure is reported (not just the first), each in
/// words an operator can act on, naming the environment variable to fix.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinimumSecretLength = 32;
    public const double MinimumSecretEntropyBits = 128;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = new List<string>();
        ValidateSecrets(options, problems);
        ValidateBaseUrl(options, problems);
        ValidateTrustedOrigins(options, problems);

        if (string.IsNullOrWhiteSpace(options.BasePath) || !options.BasePath.StartsWith('/') || options.BasePath.EndsWith('/'))
        {
            problems.Add($"Auth:BasePath '{options.BasePath}' must start with '/' and not end with '/', e.g. /api/auth.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>A rough lower bound of a secret's entropy: length x log2(distinct characters).</summary>
    public static double EstimateEntropyBits(string secret) =>
        secret.Length * Math.Log2(Math.Max(2, secret.Distinct().Count()));

    /// <summary>The secret rules alone (present, long, unpredictable); doctor reports them as a check of their own.</summary>
    public static void ValidateSecrets(AuthOptions options, List<string> problems)
    {
        var ring = options.SecretRing;
        if (ring.Count == 0)
        {
            problems.Add("AUTH_SECRET is missing: set AUTH_SECRET (or BETTER_AUTH_SECRET) to at least 32 random characters, e.g. the output of `openssl rand -base64 32`.");
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.Secrets) && !string.IsNullOrWhiteSpace(options.Secret)
            && !string.Equals(options.Secret.Trim(), ring[0], StringComparison.Ordinal))
        {
            problems.Add("AUTH_SECRET and AUTH_SECRETS disagree: AUTH_SECRETS lists the current secret first; unset AUTH_SECRET or make it equal to that first entry.");
        }

        for (var i = 0; i < ring.Count; i++)
        {
            var label = ring.Count == 1 ? "AUTH_SECRET" : $"AUTH_SECRETS entry {i + 1}";
            var secret = ring[i];
            if (secret.Length < MinimumSecretLength)
            {
                problems.Add($"{label} is too short: it has {secret.Length} characters, at least {MinimumSecretLength} are required (use `openssl rand -base64 32`).");
            }
            else if (EstimateEntropyBits(secret) < MinimumSecretEntropyBits)
            {
                problems.Add($"{label} is too predictable: it repeats too few distinct characters; generate one with `openssl rand -base64 32`.");
            }
        }
    }

    private static void ValidateBaseUrl(AuthOptions options, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            problems.Add("AUTH_BASE_URL is missing: set it to the public URL of this service, e.g. https://auth.example.com (BETTER_AUTH_URL is accepted too).");
            return;
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"AUTH_BASE_URL '{options.BaseUrl}' is not an absolute http(s) URL.");
        }
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"AUTH_BASE_URL '{options.BaseUrl}' must not contain credentials, a query or a fragment.");
        }
    }

    private static void ValidateTrustedOrigins(AuthOptions options, List<string> problems)
    {
        foreach (var entry in AuthOptions.SplitList(options.TrustedOrigins))
        {
            if (!OriginParser.TryNormalize(entry, out _))
            {
                problems.Add($"AUTH_TRUSTED_ORIGINS entry '{entry}' is not an origin: write scheme://host[:port] with no path, e.g. https://app.example.com.");
            }
        }
    }
}
