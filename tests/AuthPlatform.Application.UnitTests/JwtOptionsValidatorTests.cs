using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

/// <summary>JWT settings are checked at start-up, every problem reported at once.</summary>
public sealed class JwtOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(JwtOptions options) =>
        new JwtOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Problems(new JwtOptions()));
    }

    [Fact]
    public void Every_problem_is_listed_naming_what_to_change()
    {
        var problems = Problems(new JwtOptions
        {
            Algorithm = "HS256",
            Issuer = "not a url",
            ExpiresIn = TimeSpan.FromDays(2),
            Keys = new SigningKeyOptions { PublishAhead = TimeSpan.FromHours(1), RetainAfterRetirement = TimeSpan.FromMinutes(1), RefreshInterval = TimeSpan.Zero },
        });

        Assert.Contains(problems, p => p.Contains("AUTH_JWT_ALGORITHM 'HS256' is not supported", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AUTH_JWT_ISSUER", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ExpiresIn", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PublishAhead", StringComparison.Ordinal) && p.Contains("12 h", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RetainAfterRetirement", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RefreshInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Issuer_and_audience_default_to_the_base_url_origin_and_are_overridable()
    {
        var auth = new AuthOptions { BaseUrl = "https://Auth.Example.com/api/auth" };

        Assert.Equal("https://auth.example.com", new JwtOptions().IssuerFor(auth));
        Assert.Equal(["https://auth.example.com"], new JwtOptions().AudienceFor(auth));
        var custom = new JwtOptions { Issuer = "https://issuer.example", Audience = "orders-api, billing-api,orders-api" };
        Assert.Equal("https://issuer.example", custom.IssuerFor(auth));
        Assert.Equal(["orders-api", "billing-api"], custom.AudienceFor(auth));
    }
}
