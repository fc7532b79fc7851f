using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.5.1: sensitive changes need a fresh session (created within Auth:Session:FreshAge, 10 minutes)
/// or the current password. Change-password carries the password, so it works on any live session; ending
/// other sessions needs a fresh one (403 SESSION_NOT_FRESH otherwise), so a thief with an old cookie
/// cannot sign the owner out, while the owner, after signing in again, can end the thief's session.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs20_FreshSession(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_stale_session_cannot_end_other_sessions_but_a_fresh_one_can()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var stolen = await client.SignUpAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var owner = await client.SignInAsync();

        var otherId = (await (await client.GetSessionAsync(owner.Cookie)).JsonAsync())!["session"]!["id"]!.GetValue<string>();
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", stolen.Cookie))).AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-sessions", stolen.Cookie))).AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", stolen.Cookie, new { id = otherId }))).AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(owner.Cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", owner.Cookie))).StatusCode);
        await (await client.ListSessionsAsync(stolen.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_stale_session_may_still_end_itself_and_change_the_password_with_the_current_one()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        factory.Clock.Advance(TimeSpan.FromHours(2));

        var changed = await AuthApi.ReadSignedInAsync(await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "a brand new passphrase" })));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var selfRevoke = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", changed.Cookie, new { token = changed.Token }));

        Assert.Equal(HttpStatusCode.OK, selfRevoke.StatusCode);
        await (await client.ListSessionsAsync(changed.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Fresh_age_is_measured_from_creation_not_from_the_last_refresh()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        await client.SignInAsync();

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var refreshed = await client.GetSessionAsync(session.Cookie);
        Assert.NotNull(AuthApi.SessionSetCookie(refreshed)); // slid forward, and written

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-other-sessions", session.Cookie))).AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
    }
}
