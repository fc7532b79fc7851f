using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

public sealed class AuthOptionsValidatorTests
{
    private const string StrongSecret = "Qm9ndXMtc2VjcmV0LWZvci10ZXN0cy1vbmx5LTEyMzQ1Njc4OTA=";

    private static IEnumerable<string> Problems(AuthOptions options) =>
        new AuthOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Sound_settings_pass() =>
        Assert.Empty(Problems(new AuthOptions { Secret = StrongSecret, BaseUrl = "https://auth.example.com", TrustedOrigins = "https://app.example.com" }));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = Problems(new AuthOptions { Secret = "short", BaseUrl = "not a url", TrustedOrigins = "https://ok.example.com,https://app.example.com/path" }).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("AUTH_SECRET is too short", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AUTH_BASE_URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("https://app.example.com/path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_secret_names_the_variables_to_set() =>
        Assert.Contains(Problems(new AuthOptions { BaseUrl = "https://auth.example.com" }), p => p.Contains("AUTH_SECRET is missing", StringComparison.Ordinal) && p.Contains("BETTER_AUTH_SECRET", StringComparison.Ordinal));

    [Fact]
    public void A_long_but_repetitive_secret_is_refused() =>
        Assert.Contains(Problems(new AuthOptions { Secret = new string('a', 64), BaseUrl = "https://auth.example.com" }), p => p.Contains("predictable", StringComparison.Ordinal));

    [Fact]
    public void Rotation_lists_current_first_and_accepts_betterauth_versions()
    {
        var options = new AuthOptions { Secrets = "2:" + StrongSecret + "," + "1:" + StrongSecret.ToUpperInvariant() };

        Assert.Equal([StrongSecret, StrongSecret.ToUpperInvariant()], options.SecretRing);
    }

    [Fact]
    public void A_secret_that_disagrees_with_the_rotation_list_is_a_problem() =>
        Assert.Contains(
            Problems(new AuthOptions { Secret = StrongSecret, Secrets = StrongSecret.ToUpperInvariant(), BaseUrl = "https://auth.example.com" }),
            p => p.Contains("disagree", StringComparison.Ordinal));

    [Fact]
    public void Trusted_origins_include_the_base_origin_normalised()
    {
        var options = new AuthOptions { BaseUrl = "https://Auth.Example.com/base", TrustedOrigins = "https://app.example.com/, http://localhost:3000" };

        Assert.Equal(["https://auth.example.com", "https://app.example.com", "http://localhost:3000"], options.TrustedOriginList);
    }
}
