using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>An administrator lists, bans, unbans and removes users and ends their sessions.</summary>
[Trait("Tier", "fast")]
public sealed class AdminUserTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_users_searches_sorts_and_pages()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        await client.SignUpAsync("bob@example.com", name: "Bob");
        await client.SignUpAsync("bobby@example.org", name: "Bobby");
        await client.SignUpAsync("carol@example.com", name: "Carol");

        var page = (await (await client.ListUsersAsync(admin.Cookie, "?searchValue=bob&limit=1&offset=1&sortBy=email&sortDirection=asc")).JsonAsync())!;
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal(1, page["limit"]!.GetValue<int>());
        Assert.Equal("bobby@example.org", Assert.Single(page["users"]!.AsArray())!["email"]!.GetValue<string>());

        var byName = (await (await client.ListUsersAsync(admin.Cookie, "?searchField=name&searchOperator=starts_with&searchValue=car")).JsonAsync())!;
        Assert.Equal("carol@example.com", Assert.Single(byName["users"]!.AsArray())!["email"]!.GetValue<string>());

        var endsWith = (await (await client.ListUsersAsync(admin.Cookie, "?searchOperator=ends_with&searchValue=.org")).JsonAsync())!;
        Assert.Equal(1, endsWith["total"]!.GetValue<int>());

        var admins = (await (await client.ListUsersAsync(admin.Cookie, "?filterField=role&filterValue=admin")).JsonAsync())!;
        Assert.Equal("admin@example.com", Assert.Single(admins["users"]!.AsArray())!["email"]!.GetValue<string>());

        var all = (await (await client.ListUsersAsync(admin.Cookie)).JsonAsync())!;
        Assert.Equal(4, all["total"]!.GetValue<int>());

        await (await client.ListUsersAsync(admin.Cookie, "?searchOperator=regex&searchValue=x"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_ban_ends_the_users_sessions_and_refuses_their_sign_in_until_unbanned()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var ban = await client.AdminPostAsync("ban-user", admin.Cookie, new { userId = bob.UserId, banReason = "spam" });

        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        var user = (await ban.JsonAsync())!["user"]!;
        Assert.True(user["banned"]!.GetValue<bool>());
        Assert.Equal("spam", user["banReason"]!.GetValue<string>());
        await client.AssertSignedOutAsync(bob.Cookie);
        await (await client.PostSignInAsync("bob@example.com", AuthApi.Password))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");

        var unban = await client.AdminPostAsync("unban-user", admin.Cookie, new { userId = bob.UserId });

        Assert.Equal(HttpStatusCode.OK, unban.StatusCode);
        Assert.False((await unban.JsonAsync())!["user"]!["banned"]!.GetValue<bool>());
        await client.SignInAsync("bob@example.com");
    }

    [Fact]
    public async Task A_ban_with_an_expiry_lifts_itself()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var ban = await client.AdminPostAsync("ban-user", admin.Cookie, new { userId = bob.UserId, banExpiresIn = 3600 });
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostSignInAsync("bob@example.com", AuthApi.Password)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        await client.SignInAsync("bob@example.com");
    }

    [Fact]
    public async Task An_administrator_can_neither_ban_nor_remove_themselves()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);

        await (await client.AdminPostAsync("ban-user", admin.Cookie, new { userId = admin.UserId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_BAN_YOURSELF");
        await (await client.AdminPostAsync("remove-user", admin.Cookie, new { userId = admin.UserId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_REMOVE_YOURSELF");
        Assert.NotEqual("null", await (await client.GetSessionAsync(admin.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Remove_user_deletes_the_user_and_their_sessions()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var removed = await client.AdminPostAsync("remove-user", admin.Cookie, new { userId = bob.UserId });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from users where id = $1", bob.UserId));
        await client.AssertSignedOutAsync(bob.Cookie);
        await (await client.AdminPostAsync("remove-user", admin.Cookie, new { userId = bob.UserId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");
    }

    [Fact]
    public async Task An_administrator_lists_and_ends_another_users_sessions()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var first = await client.SignUpAsync("bob@example.com", name: "Bob");
        var second = await client.SignInAsync("bob@example.com");

        var sessions = (await (await client.AdminPostAsync("list-user-sessions", admin.Cookie, new { userId = first.UserId })).JsonAsync())!["sessions"]!.AsArray();
        Assert.Equal(2, sessions.Count);
        var one = sessions[0]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await client.AdminPostAsync("revoke-user-session", admin.Cookie, new { sessionToken = one })).StatusCode);
        var left = (await (await client.AdminPostAsync("list-user-sessions", admin.Cookie, new { userId = first.UserId })).JsonAsync())!["sessions"]!.AsArray();
        Assert.Single(left);

        Assert.Equal(HttpStatusCode.OK, (await client.AdminPostAsync("revoke-user-sessions", admin.Cookie, new { userId = first.UserId })).StatusCode);
        await client.AssertSignedOutAsync(first.Cookie);
        await client.AssertSignedOutAsync(second.Cookie);
        Assert.NotEqual("null", await (await client.GetSessionAsync(admin.Cookie)).Content.ReadAsStringAsync());
    }
}
