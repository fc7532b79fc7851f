using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>Every response, errors included, says nosniff, no-referrer, no framing; auth routes say no-store.</summary>
[Trait("Tier", "fast")]
public sealed class SecurityHeadersTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("GET", "/api/auth/ok", 200)]
    [InlineData("GET", "/api/auth/get-session", 200)]
    [InlineData("GET", "/api/auth/list-sessions", 401)]
    [InlineData("GET", "/api/auth/no-such-route", 404)]
    [InlineData("GET", "/api/auth/sign-in/email", 405)]
    [InlineData("POST", "/api/auth/sign-in/email", 415)]
    [InlineData("GET", "/health/live", 200)]
    public async Task Every_response_carries_the_security_headers(string method, string path, int status)
    {
        await using var factory = SecurityHost.Create(database);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("x");
        }

        var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", response.Header("Content-Security-Policy"), StringComparison.Ordinal);
        if (path.StartsWith("/api/auth", StringComparison.Ordinal))
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task A_rate_limited_answer_carries_them_too()
    {
        await using var factory = SecurityHost.Create(database, realLimits: true);
        var client = factory.CreatePlainClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostSignInAsync("ann@example.com", "whatever it is", "198.51.100.77");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("nosniff", last.Header("X-Content-Type-Options"));
        Assert.Equal("no-store", last.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_https_deployment_adds_strict_transport_security()
    {
        await using var factory = SecurityHost.Create(database);
        factory.Settings["Auth:BaseUrl"] = "https://auth.example.com";

        var response = await factory.CreatePlainClient().GetAsync("/api/auth/ok");

        Assert.StartsWith("max-age=", response.Header("Strict-Transport-Security"), StringComparison.Ordinal);
    }
}
