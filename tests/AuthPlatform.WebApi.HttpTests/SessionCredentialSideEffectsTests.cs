using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The cookie side effects of reading a session, the same on every route: /token expires a garbage or
/// ended cookie as get-session does, and a bearer credential never gets a cookie, not even when its
/// session slides.
/// </summary>
[Trait("Tier", "fast")]
public sealed class SessionCredentialSideEffectsTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<HttpResponseMessage> GetTokenWithCookieAsync(HttpClient client, string cookie) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Cookie", cookie } } });

    [Theory]
    [InlineData("better-auth.session_token=garbage")]
    [InlineData("better-auth.session_token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bm90IGEgc2lnbmF0dXJlIGF0IGFsbCBhdCBhbGwgYXQ%3D")]
    public async Task Token_with_a_garbage_cookie_is_401_and_expires_it(string cookie)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);

        var response = await GetTokenWithCookieAsync(factory.CreatePlainClient(), cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_with_the_cookie_of_an_ended_session_is_401_and_expires_it()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Headers = { { "Authorization", "Bearer " + session.Token } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signOut)).StatusCode);

        var response = await GetTokenWithCookieAsync(client, session.Cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_refresh_slides_the_session_and_sets_no_cookie()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var before = (await (await client.GetSessionWithBearerAsync(session.Token)).JsonAsync())!["session"]!["expiresAt"]!.GetValue<DateTimeOffset>();
        factory.Clock.Advance(TimeSpan.FromDays(2)); // past the update age (1 d), within the sliding window (7 d)

        var refreshed = await client.GetSessionWithBearerAsync(session.Token);
        var token = await client.GetTokenResponseAsync(session.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True((await refreshed.JsonAsync())!["session"]!["expiresAt"]!.GetValue<DateTimeOffset>() > before, "the session slid");
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        foreach (var response in new[] { refreshed, token })
        {
            Assert.False(response.Headers.Contains("Set-Cookie"), string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []));
        }
    }
}
