using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 4.0.3 3.1.1: no route takes a session token from the query string, no response redirects, and a
/// refused bearer token is answered 401 with WWW-Authenticate: Bearer error="invalid_token" (RFC 6750).
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs21_NoTokensInUrls(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("get-session?token={0}")]
    [InlineData("get-session?session_token={0}")]
    [InlineData("get-session?better-auth.session_token={0}")]
    [InlineData("list-sessions?token={0}")]
    [InlineData("list-sessions?access_token={0}")]
    public async Task A_token_in_the_query_string_authenticates_nothing(string route)
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.GetAsync("/api/auth/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(session.Token)));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized || await response.Content.ReadAsStringAsync() == "null",
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Sign_in_with_a_callback_url_does_not_redirect()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        var response = await client.PostAsync("/api/auth/sign-in/email",
            AuthApi.Json("""{"email":"ann@example.com","password":"correct horse battery staple","callbackURL":"https://app.example.com/welcome"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False((await response.JsonAsync())!["redirect"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_refused_bearer_is_401_with_invalid_token(string token)
    {
        await using var factory = SecurityHost.Create(database);

        var response = await factory.CreatePlainClient().SendAsync(AuthApi.WithBearer(HttpMethod.Get, "list-sessions", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
