using System.Net;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// The session cookie cache (Auth:Session:CookieCache, docs/security.md "Cookie cache"): get-session may
/// answer from a signed session_data cookie for at most MaxAge after the store last answered, so a revoked
/// session stays visible there at most that long and never after; every other route reads the store; a
/// cache cookie that is forged, tampered with, of another version or for another token is ignored.
/// "Ignored" is observed on a revoked session: the cache would say live, the store says null.
/// </summary>
[Trait("Tier", "fast")]
public sealed class CookieCacheTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_cache_is_off_by_default()
    {
        await using var host = SecurityHost.Create(database);
        var client = host.CreatePlainClient();
        var ann = await client.SignUpAsync();

        Assert.Null(SessionData(ann.Response));
        Assert.Null(SessionData(await client.GetSessionAsync(ann.Cookie)));
    }

    [Fact]
    public async Task A_revoked_session_stays_visible_through_the_cache_at_most_max_age_and_never_after()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var device = await client.SignUpAsync();
        var cache = SessionData(device.Response);
        Assert.NotNull(cache);
        Assert.Contains($"Max-Age={(long)MaxAge.TotalSeconds}", cache.SetCookie, StringComparison.Ordinal);
        var other = await client.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", other.Cookie))).StatusCode);
        var jar = device.Cookie + "; " + cache.Cookie;

        // Within the bound: get-session answers from the cookie...
        Assert.Equal(device.UserId, await UserIdAsync(await client.GetSessionAsync(jar)));
        host.Clock.Advance(MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(device.UserId, await UserIdAsync(await client.GetSessionAsync(jar)));

        // ...but the routes that must not outlive a revocation read the store at once,
        await (await client.ListSessionsAsync(jar)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "token", jar, origin: null))).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("null", await ReadAsync(await client.GetSessionAsync(jar, disableCookieCache: true)));

        // and past MaxAge the cache cookie is worthless: the store answers, and clears both cookies.
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await client.GetSessionAsync(jar);
        Assert.Equal("null", await ReadAsync(after));
        Assert.Contains(SetCookies(after), c => c.StartsWith("better-auth.session_data=; Max-Age=0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_store_answer_reissues_the_cache_cookie_with_the_session_cookie_attributes()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var ann = await client.SignUpAsync();

        var response = await client.GetSessionAsync(ann.Cookie);
        Assert.Equal(ann.UserId, await UserIdAsync(response));
        var cache = SessionData(response);
        Assert.NotNull(cache);
        Assert.EndsWith("; Path=/; HttpOnly; SameSite=Lax", cache.SetCookie, StringComparison.Ordinal);
        Assert.EndsWith("; Path=/; HttpOnly; SameSite=Lax", AuthApi.SessionSetCookie(ann.Response), StringComparison.Ordinal);

        // The cached answer is the store's answer, field for field.
        var fromStore = await ReadAsync(await client.GetSessionAsync(ann.Cookie, disableCookieCache: true));
        var fromCache = await ReadAsync(await client.GetSessionAsync(ann.Cookie + "; " + cache.Cookie));
        Assert.Equal(fromStore, fromCache);
    }

    [Fact]
    public async Task A_tampered_forged_or_expired_cache_cookie_is_ignored()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var victim = await client.SignUpAsync();
        var cache = SessionData(victim.Response)!;
        await RevokeAsync(client, victim);
        var (name, value) = Split(cache.Cookie);

        var payloadEnd = value.IndexOf('.', StringComparison.Ordinal);
        var tampered = value[..5] + (value[5] == 'A' ? 'B' : 'A') + value[6..];
        var macFlipped = value[..(payloadEnd + 3)] + (value[payloadEnd + 3] == 'A' ? 'B' : 'A') + value[(payloadEnd + 4)..];
        var forged = new SessionDataCodec([TestSettings.OtherSecret], "1").Encode(
            SampleSession(victim.UserId), SessionToken.TryParse(Split(victim.Cookie).Value.Split('.')[0], out var token) ? token.ComputeDigest() : [], host.Clock.GetUtcNow().AddMinutes(5))!;

        foreach (var candidate in new[] { tampered, macFlipped, forged, value[..payloadEnd], "garbage", value + "x" })
        {
            var response = await client.GetSessionAsync($"{victim.Cookie}; {name}={candidate}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("null", await ReadAsync(response));
        }

        // Sanity: the untouched cookie is still honoured (within the bound), so the cases above were refused for what was changed.
        Assert.Equal(victim.UserId, await UserIdAsync(await client.GetSessionAsync($"{victim.Cookie}; {cache.Cookie}")));
    }

    [Fact]
    public async Task A_cache_cookie_only_counts_next_to_the_session_token_it_was_issued_for()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var revoked = await client.SignUpAsync();
        var live = await client.SignInAsync();
        await RevokeAsync(client, revoked);

        // The live session's cache cookie, sent with the revoked session's token: the store decides.
        var response = await client.GetSessionAsync($"{revoked.Cookie}; {SessionData(live.Response)!.Cookie}");
        Assert.Equal("null", await ReadAsync(response));
    }

    [Fact]
    public async Task Changing_the_version_invalidates_every_cache_cookie_and_secret_rotation_keeps_them()
    {
        await using var first = CachedHost();
        var client = first.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var jar = ann.Cookie + "; " + SessionData(ann.Response)!.Cookie;
        await RevokeAsync(client, ann);

        await using var newVersion = CachedHost(settings => settings["Auth:Session:CookieCache:Version"] = "2");
        Assert.Equal("null", await ReadAsync(await newVersion.CreatePlainClient().GetSessionAsync(jar)));

        await using var rotated = CachedHost(settings =>
        {
            settings.Remove("Auth:Secret");
            settings["Auth:Secrets"] = TestSettings.OtherSecret + "," + TestSettings.Secret;
        });
        Assert.Equal(ann.UserId, await UserIdAsync(await rotated.CreatePlainClient().GetSessionAsync(jar)));
    }

    [Fact]
    public async Task Sign_out_and_update_user_expire_the_cache_cookie()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var jar = ann.Cookie + "; " + SessionData(ann.Response)!.Cookie;

        var updated = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", jar, new { name = "Ann B." }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Contains(SetCookies(updated), c => c.StartsWith("better-auth.session_data=; Max-Age=0; Path=/; HttpOnly", StringComparison.Ordinal));
        var fresh = await client.GetSessionAsync(ann.Cookie);
        Assert.Equal("Ann B.", (await fresh.JsonAsync())!["user"]!["name"]!.GetValue<string>());

        var signedOut = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "sign-out", jar));
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        var cookies = SetCookies(signedOut);
        Assert.Contains(cookies, c => c.StartsWith("better-auth.session_token=; Max-Age=0", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("better-auth.session_data=; Max-Age=0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bearer_credential_never_uses_the_cache()
    {
        await using var host = CachedHost();
        var client = host.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var cache = SessionData(ann.Response)!;
        await RevokeAsync(client, ann);

        var request = AuthApi.WithBearer(HttpMethod.Get, "get-session", ann.Token);
        request.Headers.Add("Cookie", cache.Cookie);
        var response = await client.SendAsync(request);
        Assert.Equal("null", await ReadAsync(response));
        Assert.Null(SessionData(response));
    }

    [Theory]
    [InlineData(0, "1", false)]
    [InlineData(7200, "1", false)]
    [InlineData(300, "", false)]
    [InlineData(300, "v 2", false)]
    [InlineData(1, "1", true)]
    [InlineData(3600, "2026-11", true)]
    public void Max_age_must_be_a_short_real_bound_and_the_version_a_word(int seconds, string version, bool valid) =>
        Assert.Equal(valid, new SessionCookieCacheOptionsValidator().Validate(null, new SessionCookieCacheOptions { MaxAge = TimeSpan.FromSeconds(seconds), Version = version }).Succeeded);

    [Fact]
    public void The_defaults_are_off_five_minutes_version_1()
    {
        var defaults = new SessionCookieCacheOptions();
        Assert.False(defaults.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.MaxAge);
        Assert.Equal("1", defaults.Version);
        Assert.True(new SessionCookieCacheOptionsValidator().Validate(null, defaults).Succeeded);
    }

    private AuthApiFactory CachedHost(Action<Dictionary<string, string?>>? configure = null)
    {
        var host = SecurityHost.Create(database, fakeClock: true);
        host.Settings["Auth:Session:CookieCache:Enabled"] = "true";
        host.Settings["Auth:Session:CookieCache:MaxAge"] = MaxAge.ToString();
        configure?.Invoke(host.Settings);
        return host;
    }

    /// <summary>Ends <paramref name="session"/> in the store from another session of the same user.</summary>
    private static async Task RevokeAsync(HttpClient client, AuthApi.SignedIn session)
    {
        var other = await client.SignInAsync();
        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", other.Cookie, new { token = session.Token }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await ReadAsync(await client.GetSessionAsync(session.Cookie, disableCookieCache: true)));
    }

    private static CurrentSession SampleSession(string userId)
    {
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        return new CurrentSession(
            new SessionDto("forged-session", userId, at.AddDays(7), at, at, null, null),
            new UserDto(userId, "Mallory", "mallory@example.com", true, null, at, at),
            RememberMe: true);
    }

    private sealed record CacheCookie(string Cookie, string SetCookie);

    private static CacheCookie? SessionData(HttpResponseMessage response) =>
        SetCookies(response).FirstOrDefault(c => c.StartsWith("better-auth.session_data=", StringComparison.Ordinal) && !c.Contains("Max-Age=0", StringComparison.Ordinal))
            is { } setCookie ? new CacheCookie(setCookie.Split(';')[0], setCookie) : null;

    private static string[] SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];

    private static (string Name, string Value) Split(string cookie)
    {
        var equals = cookie.IndexOf('=', StringComparison.Ordinal);
        return (cookie[..equals], Uri.UnescapeDataString(cookie[(equals + 1)..]));
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string?> UserIdAsync(HttpResponseMessage response) =>
        (await response.JsonAsync())?["user"]?["id"]?.GetValue<string>();
}

internal static class CookieCacheApi
{
    public static Task<HttpResponseMessage> GetSessionAsync(this HttpClient client, string cookie, bool disableCookieCache) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, disableCookieCache ? "get-session?disableCookieCache=true" : "get-session", cookie, origin: null));
}
