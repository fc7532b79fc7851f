using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>
/// An administrator opens a session as another user (BetterAuth's impersonate-user) and goes back to their own
/// (stop-impersonating): the session names the administrator, lasts an hour, never opens on an administrator or a
/// banned user, and a JWT issued under it carries the actor claim.
/// </summary>
[Trait("Tier", "fast")]
public sealed class ImpersonationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_administrator_impersonates_a_user_and_stopping_gives_back_their_own_session()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var started = await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = bob.UserId });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var body = (await started.JsonAsync())!;
        Assert.Equal(bob.UserId, body["user"]!["id"]!.GetValue<string>());
        Assert.Equal(admin.UserId, body["session"]!["impersonatedBy"]!.GetValue<string>());
        var impersonation = Impersonation.Of(started);
        Assert.DoesNotContain("Max-Age", impersonation.SetCookie, StringComparison.Ordinal); // a browser-session cookie

        // get-session shows who is really there; the user's own list does not show it; the administrator's does.
        var session = (await (await client.GetSessionAsync(impersonation.Cookie)).JsonAsync())!;
        Assert.Equal(bob.UserId, session["user"]!["id"]!.GetValue<string>());
        Assert.Equal(admin.UserId, session["session"]!["impersonatedBy"]!.GetValue<string>());
        Assert.Single((await (await client.ListSessionsAsync(bob.Cookie)).JsonAsync())!.AsArray());
        var listed = (await (await client.AdminPostAsync("list-user-sessions", admin.Cookie, new { userId = bob.UserId })).JsonAsync())!["sessions"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, s => s!["impersonatedBy"]?.GetValue<string>() == admin.UserId);

        // A JWT issued under the impersonation is the user's, with the administrator as actor (RFC 8693).
        var token = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "token", impersonation.Cookie, origin: null));
        var claims = TokenApi.Payload((await token.JsonAsync())!["token"]!.GetValue<string>());
        Assert.Equal(bob.UserId, claims["sub"]!.GetValue<string>());
        Assert.Equal(admin.UserId, claims["act"]!["sub"]!.GetValue<string>());
        var own = TokenApi.Payload(await client.GetTokenAsync(bob.Token));
        Assert.False(own.ContainsKey("act"));

        // What the administrator does under the impersonation is written to the audit trail as theirs.
        var revoked = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "revoke-session", impersonation.Cookie, new { token = bob.Token }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(admin.UserId, await database.ScalarAsync<string>("select actor_id from audit_events where type = 'session.revoked' and subject_user_id = $1", bob.UserId));

        var stopped = await client.AdminPostAsync("stop-impersonating", impersonation.Cookie + "; " + impersonation.AdminCookie, new { });

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(admin.UserId, (await stopped.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(admin.Cookie, AuthApi.SessionSetCookie(stopped)!.Split(';')[0]);
        Assert.Contains(stopped.Headers.GetValues("Set-Cookie"), c => c.StartsWith(impersonation.AdminCookieName + "=;", StringComparison.Ordinal) && c.Contains("Max-Age=0", StringComparison.Ordinal));
        await client.AssertSignedOutAsync(impersonation.Cookie);
        Assert.Equal(admin.UserId, (await (await client.GetSessionAsync(admin.Cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.ListUsersAsync(admin.Cookie)).StatusCode);
    }

    [Fact]
    public async Task An_impersonation_ends_after_an_hour_however_it_is_used()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        var started = await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = bob.UserId });
        var impersonation = Impersonation.Of(started);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(1), (await started.JsonAsync())!["session"]!["expiresAt"]!.GetValue<DateTimeOffset>());

        factory.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(bob.UserId, (await (await client.GetSessionAsync(impersonation.Cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.AssertSignedOutAsync(impersonation.Cookie);
    }

    [Fact]
    public async Task Administrators_banned_users_and_callers_without_the_statement_are_refused()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var other = await client.SignUpAsync("other-admin@example.com", name: "Other");
        await database.MakeAdminAsync(other.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        var carol = await client.SignUpAsync("carol@example.com", name: "Carol");

        await (await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = other.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_CANNOT_IMPERSONATE_ADMINS");
        await (await client.AdminPostAsync("impersonate-user", bob.Cookie, new { userId = carol.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS");
        await (await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = "no-such-user" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");
        Assert.Equal(HttpStatusCode.OK, (await client.AdminPostAsync("ban-user", admin.Cookie, new { userId = carol.UserId })).StatusCode);
        await (await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = carol.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "BANNED_USER");
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from sessions where impersonated_by is not null"));

        // Stopping needs an impersonation, and the administrator's own session held in admin_session.
        await (await client.AdminPostAsync("stop-impersonating", bob.Cookie, new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "NOT_IMPERSONATING");
        var impersonation = Impersonation.Of(await client.AdminPostAsync("impersonate-user", admin.Cookie, new { userId = bob.UserId }));
        await (await client.AdminPostAsync("stop-impersonating", impersonation.Cookie, new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ADMIN_SESSION_NOT_FOUND");
        var forged = impersonation.AdminCookieName + "=" + Uri.EscapeDataString(bob.Token + ":.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        await (await client.AdminPostAsync("stop-impersonating", impersonation.Cookie + "; " + forged, new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ADMIN_SESSION_NOT_FOUND");
    }

    [Fact]
    public async Task Impersonating_administrators_takes_the_impersonate_admins_statement_or_the_setting()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Admin:CustomRoles:superadmin:user"] = "impersonate,impersonate-admins";
        var client = factory.CreatePlainClient();
        var root = await client.SignUpAsync("root@example.com", name: "Root");
        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'superadmin' where id = $1 returning 1) select count(*)::int from changed", root.UserId));
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);

        var started = await client.AdminPostAsync("impersonate-user", root.Cookie, new { userId = admin.UserId });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        // The custom role holds only what it was given.
        await (await client.ListUsersAsync(root.Cookie)).AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS");

        await using var allowing = new AuthApiFactory(database.ConnectionString);
        allowing.Settings["Auth:Admin:AllowImpersonatingAdmins"] = "true";
        var other = allowing.CreatePlainClient();
        var admin2 = await other.SignInAsync("admin@example.com");
        var second = await other.SignUpAsync("second@example.com", name: "Second");
        await database.MakeAdminAsync(second.UserId);
        Assert.Equal(HttpStatusCode.OK, (await other.AdminPostAsync("impersonate-user", admin2.Cookie, new { userId = second.UserId })).StatusCode);
    }

    /// <summary>What impersonate-user set: the impersonation's session cookie and the admin_session cookie.</summary>
    private sealed record Impersonation(string Cookie, string SetCookie, string AdminCookie, string AdminCookieName)
    {
        public static Impersonation Of(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var session = AuthApi.SessionSetCookie(response)!;
            var held = response.Headers.GetValues("Set-Cookie").Single(c => c.Split('=')[0].EndsWith("admin_session", StringComparison.Ordinal));
            return new Impersonation(session.Split(';')[0], session, held.Split(';')[0], held.Split('=')[0]);
        }
    }
}
