using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>link-social, list-accounts, unlink-account, get-access-token and refresh-token against a real provider.</summary>
[Trait("Tier", "fast")]
public sealed class LinkedAccountsTests(TestDatabase database, SocialProviderServer idp) : IAsyncLifetime, IClassFixture<SocialProviderServer>
{
    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Linking_adds_the_providers_account_to_the_signed_in_user_and_unlinking_keeps_the_last_way_in()
    {
        await using var factory = idp.Service(database, trusted: false);
        var client = factory.CreatePlainClient();
        var gus = await client.SignUpAsync("gus.link@example.com");
        await database.MarkEmailVerifiedAsync("gus.link@example.com");

        var started = await SocialHttp.StartAsync(client, callbackURL: "/settings", cookie: gus.Cookie, route: "link-social");
        var callback = await idp.Provider.AuthorizeAsync(started.Url, new("sub-gus", "gus.link@example.com", EmailVerified: true));
        var linked = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);
        Assert.Equal("http://localhost/settings", linked.Location.AbsoluteUri);
        Assert.Null(linked.SessionCookie); // the session is unchanged

        var accounts = (await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "list-accounts", gus.Cookie))).JsonAsync())!.AsArray();
        Assert.Equal(["credential", "test"], accounts.Select(a => a!["providerId"]!.GetValue<string>()).ToArray());
        Assert.Equal("sub-gus", accounts[1]!["accountId"]!.GetValue<string>());
        Assert.Equal(["openid", "email", "profile"], accounts[1]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());

        // The linked account now signs in to the same user (linking needed no trusted provider: the provider said verified).
        var social = await SocialHttp.SignInAsync(client, idp.Provider, new("sub-gus", "gus.link@example.com", EmailVerified: false));
        var session = await (await client.GetSessionAsync(social.SessionCookie!)).JsonAsync();
        Assert.Equal(gus.UserId, session!["user"]!["id"]!.GetValue<string>());

        // Unlink the password, then the provider's account is the last way in and stays.
        var unlinkPassword = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", gus.Cookie, new { accountId = accounts[0]!["id"]!.GetValue<string>() }));
        Assert.Equal(HttpStatusCode.OK, unlinkPassword.StatusCode);
        Assert.Equal("""{"status":true}""", await unlinkPassword.Content.ReadAsStringAsync());
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", gus.Cookie, new { accountId = accounts[1]!["id"]!.GetValue<string>() })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FAILED_TO_UNLINK_LAST_ACCOUNT");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", gus.Cookie, new { accountId = "no-such-account" })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ACCOUNT_NOT_FOUND");
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task Linking_refuses_another_persons_email_and_an_account_linked_to_someone_else()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var hal = await client.SignUpAsync("hal.link@example.com");
        await database.MarkEmailVerifiedAsync("hal.link@example.com");

        var started = await SocialHttp.StartAsync(client, cookie: hal.Cookie, route: "link-social");
        var callback = await idp.Provider.AuthorizeAsync(started.Url, new("sub-hal", "someone.else@example.com", EmailVerified: true));
        var refused = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);
        Assert.Equal("http://localhost/login-error?error=email_does_not_match", refused.Location.AbsoluteUri);

        // sub-ivy belongs to a user of its own; Hal cannot take it over.
        Assert.NotNull((await SocialHttp.SignInAsync(client, idp.Provider, new("sub-ivy", "ivy.link@example.com", EmailVerified: true))).SessionCookie);
        var again = await SocialHttp.StartAsync(client, cookie: hal.Cookie, route: "link-social");
        var taken = await SocialHttp.CallbackAsync(client, await idp.Provider.AuthorizeAsync(again.Url, new("sub-ivy", "hal.link@example.com", EmailVerified: true)), again.StateCookie);
        Assert.Equal("http://localhost/login-error?error=account_already_linked_to_different_user", taken.Location.AbsoluteUri);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = 'hal.link@example.com'"));
    }

    [Fact]
    public async Task Linking_needs_a_verified_address_and_a_provider_that_vouches_for_the_email()
    {
        await using var factory = idp.Service(database, trusted: false);
        var client = factory.CreatePlainClient();
        var lou = await client.SignUpAsync("lou.link@example.com");

        // An unverified address adds no way in: refused before the provider is involved.
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "link-social", lou.Cookie, new { provider = "test" })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM oauth_states"));

        // Verified locally, but an untrusted provider that does not say the address is verified: not linked.
        await database.MarkEmailVerifiedAsync("lou.link@example.com");
        var started = await SocialHttp.StartAsync(client, cookie: lou.Cookie, route: "link-social");
        var unvouched = await SocialHttp.CallbackAsync(client, await idp.Provider.AuthorizeAsync(started.Url, new("sub-lou", "lou.link@example.com", EmailVerified: false)), started.StateCookie);
        Assert.Equal("unable_to_link_account", SocialHttp.ErrorOf(unvouched.Location));

        // The address stopped being verified while the user was at the provider: checked again at the callback.
        started = await SocialHttp.StartAsync(client, cookie: lou.Cookie, route: "link-social");
        await database.ScalarAsync<long>("WITH changed AS (UPDATE users SET email_verified = false WHERE email = 'lou.link@example.com' RETURNING 1) SELECT count(*) FROM changed");
        var unverified = await SocialHttp.CallbackAsync(client, await idp.Provider.AuthorizeAsync(started.Url, new("sub-lou", "lou.link@example.com", EmailVerified: true)), started.StateCookie);
        Assert.Equal("email_not_verified", SocialHttp.ErrorOf(unverified.Location));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));

        // A trusted provider vouches for its addresses even without email_verified.
        await database.MarkEmailVerifiedAsync("lou.link@example.com");
        await using var trustedFactory = idp.Service(database, trusted: true);
        var trustedClient = trustedFactory.CreatePlainClient();
        var again = await SocialHttp.StartAsync(trustedClient, callbackURL: "/settings", cookie: lou.Cookie, route: "link-social");
        var linked = await SocialHttp.CallbackAsync(trustedClient, await idp.Provider.AuthorizeAsync(again.Url, new("sub-lou", "lou.link@example.com", EmailVerified: false)), again.StateCookie);
        Assert.Equal("http://localhost/settings", linked.Location.AbsoluteUri);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task Linking_and_unlinking_need_a_fresh_session_and_a_session_at_all()
    {
        await using var factory = idp.Service(database, new Dictionary<string, string?> { ["Auth:Session:FreshAge"] = "00:00:01" });
        var client = factory.CreatePlainClient();
        var jo = await client.SignUpAsync("jo.link@example.com");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "link-social", jo.Cookie, new { provider = "test" })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", jo.Cookie, new { accountId = "x" })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "SESSION_NOT_FRESH");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/link-social", new { provider = "test" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/list-accounts")).StatusCode);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM oauth_states"));
    }

    [Fact]
    public async Task The_providers_access_token_is_read_and_refreshed_through_its_refresh_token_grant()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var signedIn = await SocialHttp.SignInAsync(client, idp.Provider, new("sub-kim", "kim.tokens@example.com", EmailVerified: true));
        var issued = await idp.Provider.IssuedTokensAsync();

        var read = await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "get-access-token", signedIn.SessionCookie!, new { providerId = "test" }))).JsonAsync();
        var accessToken = read!["accessToken"]!.GetValue<string>();
        Assert.Contains(accessToken, issued);
        Assert.Equal(["openid", "email", "profile"], read["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());

        var refreshed = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "refresh-token", signedIn.SessionCookie!, new { providerId = "test" }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = (await refreshed.JsonAsync())!;
        var newAccess = body["accessToken"]!.GetValue<string>();
        Assert.NotEqual(accessToken, newAccess);
        Assert.Contains(newAccess, await idp.Provider.IssuedTokensAsync());
        Assert.Equal("test", body["providerId"]!.GetValue<string>());

        var after = await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "get-access-token", signedIn.SessionCookie!, new { providerId = "test" }))).JsonAsync();
        Assert.Equal(newAccess, after!["accessToken"]!.GetValue<string>());

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "get-access-token", signedIn.SessionCookie!, new { providerId = "nope" })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ACCOUNT_NOT_FOUND");
        await idp.Provider.SetFaultsAsync(new { tokenStatus = 500 });
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "refresh-token", signedIn.SessionCookie!, new { providerId = "test" })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "FAILED_TO_REFRESH_ACCESS_TOKEN");
        await idp.Provider.SetFaultsAsync();
    }
}
