using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>get-user, create-user, update-user, set-user-password and has-permission, with BetterAuth's answers and refusals.</summary>
[Trait("Tier", "fast")]
public sealed class AdminUserRecordTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_administrator_creates_a_user_who_signs_in_and_gets_them_back_unwrapped()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);

        var created = await client.AdminPostAsync("create-user", admin.Cookie, new { email = "Dan@Example.com", password = AuthApi.Password, name = "Dan", role = new[] { "user", "support" } });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var user = (await created.JsonAsync())!["user"]!;
        Assert.Equal(("dan@example.com", "user,support"), (user["email"]!.GetValue<string>(), user["role"]!.GetValue<string>()));
        var id = user["id"]!.GetValue<string>();
        await client.SignInAsync("dan@example.com");

        var fetched = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/get-user?id=" + id, admin.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("dan@example.com", (await fetched.JsonAsync())!["email"]!.GetValue<string>());
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/get-user?id=nobody", admin.Cookie, origin: null)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");

        var noPassword = await client.AdminPostAsync("create-user", admin.Cookie, new { email = "eve@example.com", name = "Eve" });
        Assert.Equal(HttpStatusCode.OK, noPassword.StatusCode);
        Assert.Equal("user", (await noPassword.JsonAsync())!["user"]!["role"]!.GetValue<string>());
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from password_credentials c join users u on u.id = c.user_id where u.email = 'eve@example.com'"));

        await (await client.AdminPostAsync("create-user", admin.Cookie, new { email = "dan@example.com", password = AuthApi.Password, name = "Dan" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
        await (await client.AdminPostAsync("create-user", admin.Cookie, new { email = "not-an-address", name = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_EMAIL");
        await (await client.AdminPostAsync("create-user", admin.Cookie, new { email = "fay@example.com", password = "short", name = "Fay" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_SHORT");
        await (await client.AdminPostAsync("create-user", admin.Cookie, new { email = "fay@example.com", name = "Fay", role = 3 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_ROLE_TYPE");
    }

    [Fact]
    public async Task Update_user_changes_the_fields_given_and_refuses_what_BetterAuth_refuses()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        await client.SignUpAsync("taken@example.com", name: "Taken");

        var updated = await client.AdminPostAsync("update-user", admin.Cookie, new { userId = bob.UserId, data = new { name = "Robert", email = "Robert@Example.com", emailVerified = true, role = "admin" } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var user = (await updated.JsonAsync())!;
        Assert.Equal(("Robert", "robert@example.com", true, "admin"),
            (user["name"]!.GetValue<string>(), user["email"]!.GetValue<string>(), user["emailVerified"]!.GetValue<bool>(), user["role"]!.GetValue<string>()));

        (object Data, string Code)[] refused =
        [
            (new { }, "NO_DATA_TO_UPDATE"),
            (new { password = "x" }, "PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER"),
            (new { id = "x" }, "USER_ID_CANNOT_BE_UPDATED"),
            (new { role = false }, "INVALID_ROLE_TYPE"),
            (new { email = "nope" }, "INVALID_EMAIL"),
            (new { email = "taken@example.com" }, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"),
            (new { banned = true }, "VALIDATION_ERROR"),
        ];
        foreach (var (data, code) in refused)
        {
            await (await client.AdminPostAsync("update-user", admin.Cookie, new { userId = bob.UserId, data })).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        }

        await (await client.AdminPostAsync("update-user", admin.Cookie, new { userId = "nobody", data = new { name = "X" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");
    }

    [Fact]
    public async Task Set_user_password_replaces_the_password_and_keeps_the_sessions()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var set = await client.AdminPostAsync("set-user-password", admin.Cookie, new { userId = bob.UserId, newPassword = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True((await set.JsonAsync())!["status"]!.GetValue<bool>());
        await client.SignInAsync("bob@example.com", "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostSignInAsync("bob@example.com", AuthApi.Password)).StatusCode);
        Assert.Equal(bob.UserId, (await (await client.GetSessionAsync(bob.Cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());

        await (await client.AdminPostAsync("set-user-password", admin.Cookie, new { userId = bob.UserId, newPassword = "short" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_SHORT");
        await (await client.AdminPostAsync("set-user-password", admin.Cookie, new { userId = "nobody", newPassword = "a brand new passphrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");
    }

    [Fact]
    public async Task Has_permission_answers_for_the_signed_in_users_roles()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Admin:CustomRoles:support:user"] = "list,get";
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        async Task<bool> Asks(string cookie, object permissions)
        {
            var response = await client.AdminPostAsync("has-permission", cookie, new { permissions });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.JsonAsync())!;
            Assert.Null(body["error"]);
            return body["success"]!.GetValue<bool>();
        }

        Assert.True(await Asks(admin.Cookie, new { user = new[] { "ban", "impersonate" }, session = new[] { "revoke" } }));
        Assert.False(await Asks(admin.Cookie, new { user = new[] { "impersonate-admins" } }));
        Assert.False(await Asks(admin.Cookie, new { organization = new[] { "delete" } }));
        Assert.False(await Asks(bob.Cookie, new { user = new[] { "list" } }));

        Assert.Equal(HttpStatusCode.OK, (await client.AdminPostAsync("set-role", admin.Cookie, new { userId = bob.UserId, role = "support" })).StatusCode);
        Assert.True(await Asks(bob.Cookie, new { user = new[] { "list", "get" } }));
        Assert.False(await Asks(bob.Cookie, new { user = new[] { "list", "ban" } }));
        Assert.Equal(HttpStatusCode.OK, (await client.ListUsersAsync(bob.Cookie)).StatusCode);
        await (await client.AdminPostAsync("ban-user", bob.Cookie, new { userId = admin.UserId })).AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
        await (await client.AdminPostAsync("set-role", admin.Cookie, new { userId = bob.UserId, role = "astronaut" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE");

        await (await client.AdminPostAsync("has-permission", admin.Cookie, new { permission = new { user = new[] { "list" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_PERMISSION_CHECK");
        await (await client.AdminPostAsync("has-permission", admin.Cookie, new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_PERMISSION_CHECK");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/admin/has-permission", new { permissions = new { user = new[] { "list" } } })).StatusCode);
    }
}
