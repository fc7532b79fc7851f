using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>
/// Every refused social sign-in ends at the error callback with BetterAuth's error code and creates no
/// session: a tampered, replayed or unbound state, a wrong nonce, an ID token for another audience, a
/// reused or expired code, a failing token endpoint, an unverified email matching an existing user.
/// </summary>
[Trait("Tier", "fast")]
public sealed class SocialSignInRefusalTests(TestDatabase database, SocialProviderServer idp) : IAsyncLifetime, IClassFixture<SocialProviderServer>
{
    private static readonly OidcProvider.Account Dan = new("sub-dan", "dan.social@example.com", EmailVerified: true, Name: "Dan");

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public async ValueTask DisposeAsync() => await idp.Provider.SetFaultsAsync();

    [Fact]
    public async Task A_tampered_state_is_state_mismatch()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, Dan);

        var state = System.Web.HttpUtility.ParseQueryString(callback.Query)["state"]!;
        var tampered = new Uri(callback.AbsoluteUri.Replace("state=" + state, "state=" + Flip(state), StringComparison.Ordinal));
        await AssertRefusedAsync(await SocialHttp.CallbackAsync(client, tampered, started.StateCookie), "state_mismatch", errorPage: "http://localhost/api/auth/error");
    }

    [Fact]
    public async Task A_replayed_callback_is_state_mismatch_and_starts_no_second_session()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, Dan);
        var first = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);
        Assert.NotNull(first.SessionCookie);

        var replay = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);
        Assert.Null(replay.SessionCookie);
        Assert.Equal("http://localhost/api/auth/error?error=state_mismatch", replay.Location.AbsoluteUri);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM sessions"));
    }

    [Fact]
    public async Task A_callback_without_the_browsers_state_cookie_is_state_mismatch()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, Dan);

        // Another browser (an attacker's link to the victim) has no state cookie, or one of its own flow.
        var other = await SocialHttp.StartAsync(client);
        await AssertRefusedAsync(await SocialHttp.CallbackAsync(client, callback, other.StateCookie), "state_mismatch");
        await AssertRefusedAsync(await SocialHttp.CallbackAsync(client, callback, cookie: null), "state_mismatch", errorPage: "http://localhost/api/auth/error");
    }

    [Fact]
    public async Task An_ID_token_with_a_wrong_nonce_is_refused()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { idTokenNonce = "not-the-nonce-we-sent" });
        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Dan), "unable_to_get_user_info");
    }

    [Fact]
    public async Task An_ID_token_for_another_audience_is_refused()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { idTokenAudience = "another-client" });
        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Dan), "unable_to_get_user_info");
    }

    [Fact]
    public async Task A_token_endpoint_answering_500_is_invalid_code()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { tokenStatus = 500 });
        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Dan), "invalid_code");
    }

    [Fact]
    public async Task A_reused_code_is_invalid_code()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var first = await SocialHttp.StartAsync(client);
        var firstCallback = await idp.Provider.AuthorizeAsync(first.Url, Dan);
        Assert.NotNull((await SocialHttp.CallbackAsync(client, firstCallback, first.StateCookie)).SessionCookie);

        // A fresh, valid state with the code that was already redeemed.
        var second = await SocialHttp.StartAsync(client);
        var secondState = System.Web.HttpUtility.ParseQueryString(new Uri(second.Url).Query)["state"]!;
        var code = System.Web.HttpUtility.ParseQueryString(firstCallback.Query)["code"]!;
        var reused = new Uri($"http://localhost/api/auth/callback/test?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(secondState)}&iss={Uri.EscapeDataString(idp.Provider.Issuer)}");
        var finished = await SocialHttp.CallbackAsync(client, reused, second.StateCookie);
        Assert.Null(finished.SessionCookie);
        Assert.Equal("invalid_code", SocialHttp.ErrorOf(finished.Location));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM sessions"));
    }

    [Fact]
    public async Task An_expired_code_is_invalid_code()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        await idp.Provider.SetFaultsAsync(new { codeTtlSeconds = 1 });
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, Dan);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await AssertRefusedAsync(await SocialHttp.CallbackAsync(client, callback, started.StateCookie), "invalid_code");
    }

    [Fact]
    public async Task An_unverified_provider_email_matching_an_existing_user_is_not_linked()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("eve.target@example.com");
        await database.ScalarAsync<int>("WITH u AS (UPDATE users SET email_verified = true RETURNING 1) SELECT count(*)::int FROM u");
        var before = await database.ScalarAsync<long>("SELECT count(*) FROM sessions");

        await AssertRefusedAsync(
            await SocialHttp.SignInAsync(client, idp.Provider, new("sub-eve", "eve.target@example.com", EmailVerified: false)), "account_not_linked", sessionsBefore: before);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task A_verified_email_from_an_untrusted_provider_is_not_linked_either()
    {
        await using var factory = idp.Service(database, trusted: false);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("fay.target@example.com");
        await database.ScalarAsync<int>("WITH u AS (UPDATE users SET email_verified = true RETURNING 1) SELECT count(*)::int FROM u");
        var before = await database.ScalarAsync<long>("SELECT count(*) FROM sessions");

        await AssertRefusedAsync(
            await SocialHttp.SignInAsync(client, idp.Provider, new("sub-fay", "fay.target@example.com", EmailVerified: true)), "account_not_linked", sessionsBefore: before);
    }

    [Fact]
    public async Task Unknown_providers_and_untrusted_redirect_targets_are_refused_before_the_provider()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        await (await client.PostAsync("/api/auth/sign-in/social", AuthApi.Json("""{"provider":"nope","callbackURL":"/"}""")))
            .AssertProblemAsync(HttpStatusCode.NotFound, "PROVIDER_NOT_FOUND");
        await (await client.PostAsync("/api/auth/sign-in/social", AuthApi.Json("""{"provider":"test","callbackURL":"https://evil.example/"}""")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_CALLBACK_URL");
        await (await client.PostAsync("/api/auth/sign-in/social", AuthApi.Json("""{"provider":"test","errorCallbackURL":"//evil.example/"}""")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_ERROR_CALLBACK_URL");
        await (await client.PostAsync("/api/auth/sign-in/social", AuthApi.Json("""{"provider":"test","newUserCallbackURL":"javascript:alert(1)"}""")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "INVALID_NEW_USER_CALLBACK_URL");
        await (await client.PostAsync("/api/auth/sign-in/social", AuthApi.Json("""{"callbackURL":"/"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM oauth_states"));
    }

    [Fact]
    public async Task Provider_tokens_are_nowhere_in_the_database_in_the_clear()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        Assert.NotNull((await SocialHttp.SignInAsync(client, idp.Provider, Dan)).SessionCookie);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE sealed_tokens IS NOT NULL"));

        var tokens = await idp.Provider.IssuedTokensAsync();
        Assert.NotEmpty(tokens);
        var columns = await database.ScalarAsync<string>("""
            SELECT string_agg(format('%I.%I', table_name, column_name) || ':' || data_type, ',')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'jsonb', 'json')
            """);
        foreach (var column in columns.Split(','))
        {
            var (name, type) = (column.Split(':')[0], column.Split(':')[1]);
            var parts = name.Split('.');
            var expression = type == "bytea" ? $"encode({parts[1]}, 'escape')" : $"{parts[1]}::text";
            foreach (var token in tokens)
            {
                var hits = await database.ScalarAsync<long>($"SELECT count(*) FROM {parts[0]} WHERE position($1 in {expression}) > 0", token);
                Assert.True(hits == 0, $"{name} holds a provider token in the clear");
            }
        }
    }

    private async Task AssertRefusedAsync(SocialHttp.Finished finished, string code, string errorPage = "http://localhost/login-error", long sessionsBefore = 0)
    {
        Assert.Null(finished.SessionCookie);
        Assert.Equal($"{errorPage}?error={code}", finished.Location.AbsoluteUri);
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("SELECT count(*) FROM sessions"));
    }

    private static string Flip(string value) => value[..^1] + (value[^1] == 'A' ? 'B' : 'A');
}
