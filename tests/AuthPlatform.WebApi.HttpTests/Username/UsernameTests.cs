using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Username;

/// <summary>
/// BetterAuth's username plugin over HTTP: sign-up with a username, sign-in by username (case-insensitive)
/// through the one pipeline, the plugin's codes for taken, reserved, invalid, short and long names,
/// is-username-available, update-user, and get-session showing the username.
/// </summary>
[Trait("Tier", "fast")]
public sealed class UsernameTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/auth/sign-up/email", body);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string username, string password = AuthApi.Password) =>
        client.PostAsJsonAsync("/api/auth/sign-in/username", new { username, password });

    private static Task<HttpResponseMessage> AvailableAsync(HttpClient client, string username) =>
        client.PostAsJsonAsync("/api/auth/is-username-available", new { username });

    [Fact]
    public async Task A_user_signs_up_with_a_username_and_signs_in_by_it_in_any_case()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();

        var signedUp = await AuthApi.ReadSignedInAsync(await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "Ann.Lee" }));
        var user = (await signedUp.Response.JsonAsync())!["user"]!;
        Assert.Equal("ann.lee", user["username"]!.GetValue<string>());
        Assert.Equal("Ann.Lee", user["displayUsername"]!.GetValue<string>());
        Assert.Equal("ann.lee", await database.ScalarAsync<string>("select username from users where email = 'ann@example.com'"));

        var signedIn = await AuthApi.ReadSignedInAsync(await SignInAsync(client, "ANN.lee"));
        Assert.Equal(signedUp.UserId, signedIn.UserId);
        Assert.Equal("pwd", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        var session = await (await client.GetSessionAsync(signedIn.Cookie)).JsonAsync();
        Assert.Equal("ann.lee", session!["user"]!["username"]!.GetValue<string>());
        Assert.Equal("Ann.Lee", session["user"]!["displayUsername"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_username_get_the_same_answer()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "ann" })).StatusCode);

        var wrong = await (await SignInAsync(client, "ann", "not the right password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_USERNAME_OR_PASSWORD");
        var unknown = await (await SignInAsync(client, "nobody_here")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_USERNAME_OR_PASSWORD");
        Assert.Equal(wrong.ToJsonString(), unknown.ToJsonString());
        await (await client.PostAsJsonAsync("/api/auth/sign-in/username", new { username = "ann" })).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_USERNAME_OR_PASSWORD");
    }

    [Fact]
    public async Task Taken_reserved_invalid_short_and_long_usernames_are_refused_with_the_plugins_codes()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "ann" })).StatusCode);

        foreach (var (username, code) in new[]
                 {
                     ("ANN", "USERNAME_IS_ALREADY_TAKEN"),
                     ("Admin", "INVALID_USERNAME"),
                     ("bob smith", "INVALID_USERNAME"),
                     ("bob-smith", "INVALID_USERNAME"),
                     ("bo", "USERNAME_TOO_SHORT"),
                     (new string('b', 31), "USERNAME_TOO_LONG"),
                 })
        {
            await (await SignUpAsync(client, new { name = "Bob", email = "bob@example.com", password = AuthApi.Password, username }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, code);
        }

        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from users"));
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(client, new { name = "Bob", email = "bob@example.com", password = AuthApi.Password, username = "bob_smith.2" })).StatusCode);
    }

    [Fact]
    public async Task Is_username_available_says_whether_a_name_is_free()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "ann" })).StatusCode);

        Assert.False((await (await AvailableAsync(client, "Ann")).JsonAsync())!["available"]!.GetValue<bool>());
        Assert.True((await (await AvailableAsync(client, "bob")).JsonAsync())!["available"]!.GetValue<bool>());
        await (await AvailableAsync(client, "root")).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_USERNAME");
        await (await AvailableAsync(client, "x")).AssertProblemAsync(HttpStatusCode.BadRequest, "USERNAME_TOO_SHORT");
    }

    [Fact]
    public async Task Update_user_sets_a_username_that_nobody_else_holds()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "ann" })).StatusCode);
        var bob = await client.SignUpAsync("bob@example.com");

        await (await TwoFactorTests.PostAsync(client, "update-user", new { username = "ANN" }, bob.Cookie)).AssertProblemAsync(HttpStatusCode.BadRequest, "USERNAME_IS_ALREADY_TAKEN");
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.PostAsync(client, "update-user", new { username = "Bobby" }, bob.Cookie)).StatusCode);

        Assert.Equal(bob.UserId, (await AuthApi.ReadSignedInAsync(await SignInAsync(client, "bobby"))).UserId);
        Assert.Equal("Bobby", await database.ScalarAsync<string>("select display_username from users where email = 'bob@example.com'"));
    }

    [Fact]
    public async Task A_user_with_TOTP_signing_in_by_username_gets_the_two_factor_challenge_not_a_session()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var signedUp = await AuthApi.ReadSignedInAsync(await SignUpAsync(client, new { name = "Ann", email = "ann@example.com", password = AuthApi.Password, username = "ann" }));
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, _) = await TwoFactorTests.EnableAsync(client, signedUp.Cookie);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now) }, signedUp.Cookie)).StatusCode);
        var sessionsBefore = await database.ScalarAsync<long>("select count(*) from sessions");

        var response = await SignInAsync(client, "Ann");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync())!["twoFactorRedirect"]!.GetValue<bool>());
        Assert.Null(AuthApi.SessionSetCookie(response) is { } set && !set.Contains("Max-Age=0", StringComparison.Ordinal) ? set : null);
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("select count(*) from sessions"));
        var pending = TwoFactorTests.CookieNamed(response, "two_factor")!;

        var verified = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now.AddSeconds(30)) }, pending);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("pwd otp mfa", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));
    }
}
