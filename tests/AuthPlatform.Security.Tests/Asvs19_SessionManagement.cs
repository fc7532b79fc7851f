using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.5.2 / 7.4.5: users list their live sessions (no tokens) and end any of them; nobody can end
/// another user's session; "sign out everywhere" ends all of them. Operators end all of a user's
/// sessions with disable-user (item 18).
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs19_SessionManagement(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_shows_live_sessions_without_tokens()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var first = await client.SignUpAsync();
        var second = await client.SignInAsync();
        var ended = await client.SignInAsync();
        await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "sign-out", ended.Cookie, new { }));
        await client.SignUpAsync("bob@example.com");

        var response = await client.ListSessionsAsync(first.Cookie);
        var body = await response.Content.ReadAsStringAsync();
        var sessions = (await response.JsonAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(first.UserId, s!["userId"]!.GetValue<string>()));
        Assert.Equal(["activeOrganizationId", "activeTeamId", "createdAt", "expiresAt", "id", "impersonatedBy", "ipAddress", "updatedAt", "userAgent", "userId"], sessions[0]!.AsObject().Select(p => p.Key).Order());
        Assert.DoesNotContain(first.Token, body, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_can_be_ended_by_id_or_token_and_only_the_owners()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var current = await client.SignUpAsync();
        var other = await client.SignInAsync();
        var third = await client.SignInAsync();
        var bob = await client.SignUpAsync("bob@example.com");
        var otherId = (await (await client.GetSessionAsync(other.Cookie)).JsonAsync())!["session"]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", current.Cookie, new { id = otherId }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", current.Cookie, new { token = third.Token }))).StatusCode);

        // Bob names Ann's session: answered like BetterAuth (status true), but nothing ends.
        var foreign = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", bob.Cookie, new { token = current.Token }));

        Assert.True((await foreign.JsonAsync())!["status"]!.GetValue<bool>());
        await (await client.ListSessionsAsync(other.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await client.ListSessionsAsync(third.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(current.Cookie)).StatusCode);
    }

    [Fact]
    public async Task Revoke_other_sessions_keeps_the_current_one_and_revoke_sessions_ends_all()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var current = await client.SignUpAsync();
        var other = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", current.Cookie))).StatusCode);
        await (await client.ListSessionsAsync(other.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(current.Cookie)).StatusCode);

        var all = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-sessions", current.Cookie));
        Assert.True((await all.JsonAsync())!["status"]!.GetValue<bool>());
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(all), StringComparison.Ordinal);
        await (await client.ListSessionsAsync(current.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Revoking_the_current_session_expires_its_cookie()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var current = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", current.Cookie, new { token = current.Token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
        await (await client.ListSessionsAsync(current.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Revoke_session_without_a_target_is_400()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var current = await client.SignUpAsync();

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", current.Cookie, new { }))).AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}
