using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>Only an administrator reaches the admin routes; anyone else gets BetterAuth's 403 and no data.</summary>
[Trait("Tier", "fast")]
public sealed class AdminAccessTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_user_who_is_no_administrator_is_refused_on_every_admin_route_with_no_data()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var other = await client.SignUpAsync("bob@example.com", name: "Bob");
        var caller = await client.SignUpAsync("ann@example.com");
        (string Route, string Code)[] routes =
        [
            ("set-role", "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE"),
            ("ban-user", "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS"),
            ("unban-user", "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS"),
            ("list-user-sessions", "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS"),
            ("revoke-user-session", "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS"),
            ("revoke-user-sessions", "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS"),
            ("remove-user", "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS"),
            ("impersonate-user", "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS"),
            ("create-user", "YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS"),
            ("update-user", "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS"),
            ("set-user-password", "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD"),
        ];

        foreach (var (route, code) in routes)
        {
            var response = await client.AdminPostAsync(route, caller.Cookie, new { userId = other.UserId, role = "admin", sessionToken = "x", email = "new@example.com", name = "New", data = new { name = "X" }, newPassword = "a brand new passphrase" });
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, code);
            Assert.DoesNotContain("bob@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var get = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/get-user?id=" + other.UserId, caller.Cookie, origin: null));
        await get.AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_GET_USER");
        Assert.DoesNotContain("bob@example.com", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await client.ListUsersAsync(caller.Cookie);
        await list.AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS");
        Assert.DoesNotContain("bob@example.com", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing happened to the other user: not banned, not removed, sessions intact.
        Assert.Equal("user", await database.ScalarAsync<string>("select role from users where id = $1", other.UserId));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from users where email = 'new@example.com'"));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from sessions where impersonated_by is not null"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetSessionAsync(other.Cookie)).StatusCode);
        Assert.NotEqual("null", await (await client.GetSessionAsync(other.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_session_an_admin_route_answers_401()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var response = await factory.CreatePlainClient().GetAsync("/api/auth/admin/list-users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_user_listed_in_AdminUserIds_is_an_administrator_whatever_their_role()
    {
        await using (var first = new AuthApiFactory(database.ConnectionString))
        {
            await first.CreatePlainClient().SignUpAsync();
        }

        var id = await database.ScalarAsync<string>("select id from users where email = 'ann@example.com'");
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Admin:AdminUserIds"] = "someone-else, " + id;
        var client = factory.CreatePlainClient();
        var ann = await client.SignInAsync();

        var response = await client.ListUsersAsync(ann.Cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync())!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Set_role_makes_a_user_an_administrator()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.ListUsersAsync(bob.Cookie)).StatusCode);

        var set = await client.AdminPostAsync("set-role", admin.Cookie, new { userId = bob.UserId, role = new[] { "admin", "support" } });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("admin,support", (await set.JsonAsync())!["user"]!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.ListUsersAsync(bob.Cookie)).StatusCode);
        await (await client.AdminPostAsync("set-role", admin.Cookie, new { userId = bob.UserId, role = 5 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_ROLE_TYPE");
    }
}
