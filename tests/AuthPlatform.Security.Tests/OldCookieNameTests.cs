using System.Net;
using AuthPlatform.Testing;
using Microsoft.Extensions.Configuration;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// BetterAuth's old cookie name (__Secure-better-auth.session_token over https, where this service uses
/// __Host-) is read only under Auth:Cookies:AcceptBetterAuthCookie. A session presented that way is
/// re-issued under the current name and the old cookie expired; and any cookie the reader would accept
/// brings the CSRF origin check with it.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OldCookieNameTests(TestDatabase database) : IAsyncLifetime
{
    private const string HttpsBase = "https://localhost";
    private const string OldName = "__Secure-better-auth.session_token";
    private const string CurrentName = "__Host-better-auth.session_token";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A live session's cookie value, as a cookie under <paramref name="name"/>.</summary>
    private static async Task<(AuthApi.SignedIn Session, string Cookie)> SignUpAsync(HttpClient client, string name)
    {
        var session = await client.SignUpAsync();
        var value = session.Cookie[(session.Cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
        return (session, name + "=" + value);
    }

    private AuthApiFactory Host(string baseUrl, bool acceptOldName)
    {
        var host = SecurityHost.Create(database);
        host.Settings["Auth:BaseUrl"] = baseUrl;
        if (acceptOldName)
        {
            host.Settings["Auth:Cookies:AcceptBetterAuthCookie"] = "true";
        }

        return host;
    }

    [Theory]
    [InlineData("sign-out", TestSettings.BaseUrl, "better-auth.session_token")]
    [InlineData("revoke-sessions", TestSettings.BaseUrl, "better-auth.session_token")]
    [InlineData("sign-out", HttpsBase, OldName)]
    [InlineData("revoke-sessions", HttpsBase, OldName)]
    public async Task A_state_changing_request_with_only_an_old_name_cookie_and_no_origin_is_refused(string route, string baseUrl, string cookieName)
    {
        await using var host = Host(baseUrl, acceptOldName: baseUrl == HttpsBase);
        var client = host.CreatePlainClient();
        var (session, cookie) = await SignUpAsync(client, cookieName);

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, route, cookie, new { }, origin: null));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "MISSING_OR_NULL_ORIGIN");
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from sessions where revoked_at is not null"));
        Assert.Equal(session.UserId, (await (await client.SendAsync(AuthApi.WithBearer(HttpMethod.Get, "get-session", session.Token))).JsonAsync())!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_old_name_is_not_read_without_the_migration_setting()
    {
        await using var host = Host(HttpsBase, acceptOldName: false);
        var client = host.CreatePlainClient();
        var (_, cookie) = await SignUpAsync(client, OldName);

        var response = await client.GetSessionAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.ListSessionsAsync(cookie)).StatusCode);
    }

    [Fact]
    public async Task With_the_migration_setting_the_session_is_reissued_under_the_current_name_and_the_old_cookie_expired()
    {
        await using var host = Host(HttpsBase, acceptOldName: true);
        var client = host.CreatePlainClient();
        var (session, cookie) = await SignUpAsync(client, OldName);

        var response = await client.GetSessionAsync(cookie);

        Assert.Equal(session.UserId, (await response.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        var reissued = Assert.Single(setCookies, c => c.StartsWith(CurrentName + "=", StringComparison.Ordinal));
        Assert.Equal(session.Cookie, reissued.Split(';')[0]);
        Assert.Contains("; Path=/; HttpOnly; Secure; SameSite=Lax", reissued, StringComparison.Ordinal);
        Assert.Contains(setCookies, c => c.StartsWith(OldName + "=; Max-Age=0; Path=/", StringComparison.Ordinal));

        // The re-issued cookie is the session: it works on its own.
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(reissued.Split(';')[0])).StatusCode);
    }

    [Fact]
    public void The_setting_is_refused_when_there_is_no_old_name_to_accept()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:BaseUrl"] = TestSettings.BaseUrl })
            .Build();
        var validator = new AuthPlatform.WebApi.Cookies.CookieSettingsValidator(configuration);

        var result = validator.Validate(null, new AuthPlatform.WebApi.Cookies.CookieSettings { AcceptBetterAuthCookie = true });

        Assert.True(result.Failed);
        Assert.Contains("AUTH_COOKIE_ACCEPT_BETTER_AUTH", result.FailureMessage, StringComparison.Ordinal);
    }
}
