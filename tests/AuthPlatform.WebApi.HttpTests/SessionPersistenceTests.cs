using System.Net;
using AuthPlatform.Testing;

[assembly: AssemblyFixture(typeof(TestDatabase))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The failure this project exists to end: a session, once created, keeps working on every request,
/// by cookie and by bearer, and after the service restarts.
/// </summary>
[Trait("Tier", "fast")]
public sealed class SessionPersistenceTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_session_answers_the_same_user_forty_times_and_after_a_restart()
    {
        string cookie, token, userId;
        await using (var first = new AuthApiFactory(database.ConnectionString))
        {
            var client = first.CreatePlainClient();
            var signUp = await client.SignUpAsync();
            var signIn = await client.SignInAsync();
            (cookie, token, userId) = (signIn.Cookie, signIn.Token, signIn.UserId);
            Assert.Equal(signUp.UserId, userId);

            for (var i = 0; i < 20; i++)
            {
                var viaCookie = await client.GetSessionAsync(cookie);
                Assert.Equal(HttpStatusCode.OK, viaCookie.StatusCode);
                Assert.Equal(userId, (await viaCookie.JsonAsync())!["user"]!["id"]!.GetValue<string>());
            }

            for (var i = 0; i < 20; i++)
            {
                var viaBearer = await client.GetSessionWithBearerAsync(token);
                Assert.Equal(HttpStatusCode.OK, viaBearer.StatusCode);
                Assert.Equal(userId, (await viaBearer.JsonAsync())!["user"]!["id"]!.GetValue<string>());
            }
        }

        // A new host over the same database: nothing of the session lived in the old process.
        await using var second = new AuthApiFactory(database.ConnectionString);
        var restarted = second.CreatePlainClient();
        var afterRestart = await restarted.GetSessionAsync(cookie);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
        Assert.Equal(userId, (await afterRestart.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(userId, (await (await restarted.GetSessionWithBearerAsync(token)).JsonAsync())!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_session_shape_is_betterauths_without_the_token()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var signIn = await client.SignUpAsync();

        var json = (await (await client.GetSessionAsync(signIn.Cookie)).JsonAsync())!;

        // BetterAuth's session with the organization and admin plugins' fields (null until an organization is set
        // active; null unless an administrator impersonates the user).
        Assert.Equal(["activeOrganizationId", "activeTeamId", "createdAt", "expiresAt", "id", "impersonatedBy", "ipAddress", "updatedAt", "userAgent", "userId"], json["session"]!.AsObject().Select(p => p.Key).Order());
        // BetterAuth's user with the username plugin's two fields (null until a username is set).
        Assert.Equal(["createdAt", "displayUsername", "email", "emailVerified", "id", "image", "name", "updatedAt", "username"],
            json["user"]!.AsObject().Select(p => p.Key).Order());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json["session"]!["expiresAt"]!.GetValue<string>());
        Assert.DoesNotContain(signIn.Token, json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_answers_betterauths_shape_with_cookie_and_set_auth_token()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        var signIn = await client.SignInAsync();
        var body = (await signIn.Response.JsonAsync())!;

        Assert.False(body["redirect"]!.GetValue<bool>());
        Assert.Equal(signIn.Token, body["token"]!.GetValue<string>());
        Assert.Equal("ann@example.com", body["user"]!["email"]!.GetValue<string>());
        Assert.Matches("^better-auth\\.session_token=[^;]+; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax$", signIn.SetCookie);
        Assert.StartsWith(signIn.Token + ".", signIn.Response.Header("set-auth-token"), StringComparison.Ordinal);
        Assert.Equal("no-store", signIn.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_signed_set_auth_token_value_also_works_as_a_bearer()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var signUp = await client.SignUpAsync();

        var response = await client.GetSessionWithBearerAsync(signUp.Response.Header("set-auth-token")!);

        Assert.Equal(signUp.UserId, (await response.JsonAsync())!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Remember_me_false_gives_a_browser_session_cookie_and_a_one_day_session()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        var signIn = await client.SignInAsync(rememberMe: false);

        Assert.DoesNotContain("Max-Age", signIn.SetCookie, StringComparison.Ordinal);
        var session = (await (await client.GetSessionAsync(signIn.Cookie)).JsonAsync())!["session"]!;
        var lifetime = DateTimeOffset.Parse(session["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(session["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(1), lifetime);
    }
}
