using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.2.4: sign-in always issues a new token, whatever cookie came in, and the session behind the
/// cookie the browser sent is ended, so a planted or previous token is never promoted or left behind.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs13_SessionFixation(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static HttpRequestMessage SignInWithCookie(string cookie, string email) => new(HttpMethod.Post, "/api/auth/sign-in/email")
    {
        Content = JsonContent.Create(new { email, password = AuthApi.Password }),
        Headers = { { "Cookie", cookie }, { "Origin", SecurityHost.Origin } },
    };

    [Fact]
    public async Task A_planted_cookie_is_not_promoted_and_is_ended()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var attacker = await client.SignUpAsync("mallory@example.com");
        await client.SignUpAsync("ann@example.com");

        // Mallory plants her own session cookie in Ann's browser; Ann then signs in.
        var ann = await AuthApi.ReadSignedInAsync(await client.SendAsync(SignInWithCookie(attacker.Cookie, "ann@example.com")));

        Assert.NotEqual(attacker.Cookie, ann.Cookie);
        Assert.NotEqual(attacker.Token, ann.Token);
        Assert.Equal("ann@example.com", (await (await client.GetSessionAsync(ann.Cookie)).JsonAsync())!["user"]!["email"]!.GetValue<string>());
        Assert.Equal("null", await (await client.GetSessionAsync(attacker.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_in_again_issues_a_new_token_and_the_previous_one_stops_working()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var first = await client.SignUpAsync();

        var second = await AuthApi.ReadSignedInAsync(await client.SendAsync(SignInWithCookie(first.Cookie, "ann@example.com")));

        Assert.NotEqual(first.Token, second.Token);
        await (await client.ListSessionsAsync(first.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(second.Cookie)).StatusCode);
    }

    [Fact]
    public async Task A_garbage_cookie_at_sign_in_is_simply_replaced()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        var session = await AuthApi.ReadSignedInAsync(await client.SendAsync(SignInWithCookie("better-auth.session_token=planted-garbage", "ann@example.com")));

        Assert.DoesNotContain("planted-garbage", session.SetCookie, StringComparison.Ordinal);
    }
}
