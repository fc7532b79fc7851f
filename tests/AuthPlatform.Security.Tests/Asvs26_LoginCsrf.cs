using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// Login CSRF: sign-in and sign-up refuse a cross-site top-level navigation (403
/// CROSS_SITE_NAVIGATION_LOGIN_BLOCKED) and an untrusted origin, even without cookies; requests without
/// any browser header (curl, servers) pass.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs26_LoginCsrf(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static HttpRequestMessage Request(string route, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/" + route)
        {
            Content = JsonContent.Create(new { name = "Ann", email = "ann@example.com", password = AuthApi.Password }),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    [Theory]
    [InlineData("sign-in/email")]
    [InlineData("sign-up/email")]
    public async Task A_cross_site_navigation_is_refused(string route)
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        if (route.StartsWith("sign-in", StringComparison.Ordinal))
        {
            await client.SignUpAsync();
        }

        var response = await client.SendAsync(Request(route, ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "document")));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
        Assert.Null(AuthApi.SessionSetCookie(response));
    }

    [Theory]
    [InlineData("sign-in/email")]
    [InlineData("sign-up/email")]
    public async Task An_untrusted_origin_is_refused_without_cookies_too(string route)
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();

        var response = await client.SendAsync(Request(route, ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "cors")));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from sessions"));
    }

    [Fact]
    public async Task A_trusted_browser_request_and_a_request_without_browser_headers_pass()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();

        var browser = await client.SendAsync(Request("sign-up/email", ("Origin", SecurityHost.Origin), ("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "cors")));
        var curl = await client.SendAsync(Request("sign-in/email"));

        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, curl.StatusCode);
    }
}
