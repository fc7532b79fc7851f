using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

public sealed class SocialOptionsValidatorTests
{
    [Fact]
    public void No_provider_is_valid()
    {
        Assert.True(new SocialOptionsValidator().Validate(null, new SocialOptions()).Succeeded);
    }

    [Fact]
    public void Presets_need_only_a_client_id_and_secret()
    {
        var options = new SocialOptions { TrustedProviders = "google" };
        options.Providers["google"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "secret" };
        options.Providers["github"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "secret" };
        options.Providers["microsoft"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "secret", TenantId = "contoso.onmicrosoft.com" };

        Assert.True(new SocialOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
            options.Providers["microsoft"].EffectiveDiscoveryUrl("microsoft"));
        Assert.Equal(["read:user", "user:email"], options.Providers["github"].EffectiveScopes("github"));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new SocialOptions { TrustedProviders = "nowhere", StateLifetime = TimeSpan.FromHours(2) };
        options.Providers["Bad Id"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "s", DiscoveryUrl = "https://idp.example.com/.well-known/openid-configuration" };
        options.Providers["oidc"] = new SocialProviderOptions { DiscoveryUrl = "http://idp.example.com/.well-known/openid-configuration" };
        options.Providers["plain"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "s", TokenUrl = "not a url" };
        options.Providers["google"] = new SocialProviderOptions { ClientId = "id", ClientSecret = "s", TenantId = "x" };

        var result = new SocialOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Providers:Bad Id: the provider id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:oidc:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:oidc:ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:oidc:DiscoveryUrl must be https", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:plain: set DiscoveryUrl, or AuthorizationUrl, TokenUrl and UserInfoUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:plain:TokenUrl must be an absolute URL", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Providers:google:TenantId applies to the Microsoft provider only", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedProviders names 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("StateLifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("secret\"", StringComparison.Ordinal));
    }
}
