using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 3.3.1-3.3.5: __Host- prefix with Secure, HttpOnly, Path=/, no Domain; Lax same-site, None + Partitioned cross-site.</summary>
[Trait("Tier", "fast")]
public sealed class Asvs12_CookieAttributes(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("SameSite", "; Path=/; HttpOnly; Secure; SameSite=Lax")]
    [InlineData("CrossSite", "; Path=/; HttpOnly; Secure; SameSite=None; Partitioned")]
    public async Task An_https_deployment_sets_a_host_prefixed_secure_http_only_cookie(string mode, string attributes)
    {
        await using var factory = SecurityHost.Create(database);
        factory.Settings["Auth:BaseUrl"] = "https://auth.example.com";
        factory.Settings["Auth:Cookies:Mode"] = mode;

        var session = await factory.CreatePlainClient().SignUpAsync();

        Assert.StartsWith("__Host-better-auth.session_token=", session.SetCookie, StringComparison.Ordinal);
        Assert.EndsWith(attributes, session.SetCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("Domain=", session.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(session.Cookie.Length <= 4096, $"cookie name and value are {session.Cookie.Length} bytes");
    }
}
