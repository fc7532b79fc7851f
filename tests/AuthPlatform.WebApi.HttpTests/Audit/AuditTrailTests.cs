using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Admin;

namespace AuthPlatform.WebApi.HttpTests.Audit;

/// <summary>
/// Security events are written to the audit trail as they happen, and read back by the user (list-activity) and by
/// administrators (admin/list-audit-events), never with a secret in them.
/// </summary>
[Trait("Tier", "fast")]
public sealed class AuditTrailTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_users_activity_shows_sign_up_sign_ins_a_refused_password_and_a_password_change_and_nothing_of_others()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        await client.SignUpAsync("bob@example.com", name: "Bob");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostSignInAsync("ann@example.com", "wrong password 123")).StatusCode);
        var again = await client.SignInAsync();
        var changed = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", again.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "another long password 42", revokeOtherSessions = false }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var cookie = (await AuthApi.ReadSignedInAsync(changed)).Cookie;

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "list-activity", cookie, origin: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var events = JsonNode.Parse(body)!["events"]!.AsArray();
        var types = events.Select(e => (string)e!["type"]!).ToList();
        Assert.Equal(["password.changed", "sign-in", "sign-in.failed", "sign-in", "sign-up"], types);
        Assert.All(events, e => Assert.Equal(ann.UserId, (string?)e!["userId"]));
        var refused = events.Single(e => (string)e!["type"]! == "sign-in.failed")!;
        Assert.Equal("failure", (string?)refused["outcome"]);
        Assert.Equal("INVALID_EMAIL_OR_PASSWORD", (string?)refused["reason"]);
        Assert.DoesNotContain("wrong password", body, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthApi.Password, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_read_the_trail_with_filters_and_others_are_refused_with_no_data()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        await database.MakeAdminAsync(admin.UserId);

        var refused = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-audit-events", bob.Cookie, origin: null));
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_READ_THE_AUDIT_TRAIL");
        Assert.DoesNotContain("sign-up", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ban = await client.AdminPostAsync("ban-user", admin.Cookie, new { userId = bob.UserId, banReason = "spam" });
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);

        var page = await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"admin/list-audit-events?userId={bob.UserId}&limit=10", admin.Cookie, origin: null))).JsonAsync();
        var types = page!["events"]!.AsArray().Select(e => (string)e!["type"]!).ToList();
        Assert.Equal(["admin.user-banned", "sign-in", "sign-up"], types);
        Assert.Equal(3, (int)page["total"]!);
        var banned = page["events"]![0]!;
        Assert.Equal(admin.UserId, (string?)banned["actorId"]);
        Assert.Equal("spam", (string?)banned["reason"]);

        var signUps = await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-audit-events?type=sign-up", admin.Cookie, origin: null))).JsonAsync();
        Assert.Equal(2, (int)signUps!["total"]!);

        var bad = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-audit-events?limit=0", admin.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Without_a_session_the_activity_route_answers_401()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);

        var response = await factory.CreatePlainClient().GetAsync("/api/auth/list-activity");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
