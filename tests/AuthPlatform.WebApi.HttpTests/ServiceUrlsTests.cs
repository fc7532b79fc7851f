using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Verification;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The service's own URLs come from the route table (<see cref="IServiceUrls"/>, ADR 0124). At a base URL
/// without a path they are exactly what the string building they replaced produced, so redirect URIs
/// registered at identity providers and links already mailed keep working.
/// </summary>
[Trait("Tier", "fast")]
public sealed class ServiceUrlsTests(TestDatabase database)
{
    private static readonly OneTimeToken Token = OneTimeToken.Generate();

    [Fact]
    public async Task At_a_root_base_url_the_urls_are_the_ones_already_handed_out()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var urls = Urls(factory);

        Assert.Equal("http://localhost/api/auth/error", urls.ErrorPage());
        Assert.Equal("http://localhost/api/auth/callback/google", urls.ProviderCallback("google"));
        Assert.Equal($"http://localhost/api/auth/reset-password/{Token.Value}?callbackURL=%2Freset-password", urls.ResetPasswordLink(Token, "/reset-password"));
        Assert.Equal($"http://localhost/api/auth/verify-email?token={Token.Value}&callbackURL=%2F", urls.VerifyEmailLink(Token, null));
        Assert.Equal($"http://localhost/api/auth/verify-email?token={Token.Value}&callbackURL=https%3A%2F%2Fapp.example.com%2Fwelcome%3Fnew%3D1",
            urls.VerifyEmailLink(Token, "https://app.example.com/welcome?new=1"));
        Assert.Equal("http://localhost/api/auth/organization/get-invitation?id=inv1", urls.InvitationLink("inv1", null));
        Assert.Equal("https://app.example.com/?view=invitation&invitationId=inv1", urls.InvitationLink("inv1", "https://app.example.com/?view=invitation"));
        Assert.Equal("http://localhost/accept?invitationId=inv1", urls.InvitationLink("inv1", "/accept"));
    }

    [Fact]
    public async Task The_base_url_path_and_the_base_path_prefix_every_url()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:BaseUrl"] = "https://auth.example.com/tenant";
        factory.Settings["Auth:BasePath"] = "/identity";
        var urls = Urls(factory);

        Assert.Equal("https://auth.example.com/tenant/identity/error", urls.ErrorPage());
        Assert.Equal("https://auth.example.com/tenant/identity/callback/oidc", urls.ProviderCallback("oidc"));
        Assert.StartsWith($"https://auth.example.com/tenant/identity/reset-password/{Token.Value}", urls.ResetPasswordLink(Token, null), StringComparison.Ordinal);
        Assert.StartsWith("https://auth.example.com/tenant/identity/verify-email?token=", urls.VerifyEmailLink(Token, "/"), StringComparison.Ordinal);
    }

    private static IServiceUrls Urls(AuthApiFactory factory)
    {
        _ = factory.Server; // starts the host: the route table exists once the app is built
        return factory.Services.GetRequiredService<IServiceUrls>();
    }
}
