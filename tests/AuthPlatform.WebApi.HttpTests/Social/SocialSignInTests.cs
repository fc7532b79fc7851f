using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>Sign-in with a real OpenID Connect provider (oidc-provider): the code flow with PKCE, state and nonce, end to end.</summary>
[Trait("Tier", "fast")]
public sealed class SocialSignInTests(TestDatabase database, SocialProviderServer idp) : IAsyncLifetime, IClassFixture<SocialProviderServer>
{
    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Sign_in_goes_through_the_provider_and_ends_with_a_session_at_the_callback_URL()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();

        var started = await SocialHttp.StartAsync(client);
        Assert.Equal(started.Url, started.Response.Headers.Location!.AbsoluteUri);
        Assert.True((await started.Response.JsonAsync())!["redirect"]!.GetValue<bool>());
        var authorize = new Uri(started.Url);
        Assert.StartsWith(idp.Provider.Issuer + "/auth?", authorize.AbsoluteUri, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal("http://localhost/api/auth/callback/test", query["redirect_uri"]);

        var callback = await idp.Provider.AuthorizeAsync(started.Url, new("sub-ann", "ann.social@example.com", EmailVerified: true, Name: "Ann Social"));
        var finished = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);
        Assert.Equal("http://localhost/dashboard", finished.Location.AbsoluteUri);
        Assert.NotNull(finished.SessionCookie);

        var session = await (await client.GetSessionAsync(finished.SessionCookie!)).JsonAsync();
        Assert.Equal("ann.social@example.com", session!["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Ann Social", session["user"]!["name"]!.GetValue<string>());
        Assert.True(session["user"]!["emailVerified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_form_post_callback_is_sent_on_to_the_GET_callback_and_signs_in_there()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, new("sub-form", "form.post@example.com", EmailVerified: true, Name: "Form Post"));
        var parameters = System.Web.HttpUtility.ParseQueryString(callback.Query);

        // A form_post provider posts code and state cross-site: no SameSite=Lax cookie comes along, so the
        // route only turns the form into the GET callback's query and signs nobody in itself.
        using var post = new HttpRequestMessage(HttpMethod.Post, callback.AbsolutePath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = parameters["code"]!,
                ["state"] = parameters["state"]!,
                ["iss"] = parameters["iss"]!,
                ["ignored"] = "x",
            }),
        };
        var forwarded = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Found, forwarded.StatusCode);
        Assert.Null(AuthApi.SessionSetCookie(forwarded));
        var location = forwarded.Headers.Location!;
        Assert.Equal(callback.AbsolutePath, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        var query = System.Web.HttpUtility.ParseQueryString(location.IsAbsoluteUri ? location.Query : "?" + location.OriginalString.Split('?', 2)[1]);
        Assert.Equal(parameters["code"], query["code"]);
        Assert.Equal(parameters["state"], query["state"]);
        Assert.Equal(idp.Provider.Issuer, query["iss"]);
        Assert.Null(query["ignored"]);

        var finished = await SocialHttp.CallbackAsync(client, new Uri(new Uri(TestSettings.BaseUrl), location), started.StateCookie);
        Assert.Equal("http://localhost/dashboard", finished.Location.AbsoluteUri);
        Assert.NotNull(finished.SessionCookie);
    }

    [Fact]
    public async Task A_second_sign_in_reuses_the_same_user_and_new_users_go_to_the_new_user_URL()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var account = new OidcProvider.Account("sub-ben", "ben.social@example.com", EmailVerified: true, Name: "Ben");

        var first = await SocialHttp.SignInAsync(client, idp.Provider, account, newUserCallbackURL: "/welcome");
        Assert.Equal("http://localhost/welcome", first.Location.AbsoluteUri);
        var second = await SocialHttp.SignInAsync(client, idp.Provider, account, newUserCallbackURL: "/welcome");
        Assert.Equal("http://localhost/dashboard", second.Location.AbsoluteUri);

        var one = await (await client.GetSessionAsync(first.SessionCookie!)).JsonAsync();
        var two = await (await client.GetSessionAsync(second.SessionCookie!)).JsonAsync();
        Assert.Equal(one!["user"]!["id"]!.GetValue<string>(), two!["user"]!["id"]!.GetValue<string>());
        Assert.NotEqual(one["session"]!["id"]!.GetValue<string>(), two["session"]!["id"]!.GetValue<string>());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task A_verified_email_from_a_trusted_provider_signs_in_to_the_existing_user()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var existing = await client.SignUpAsync("cat.social@example.com");
        await database.ScalarAsync<int>("WITH u AS (UPDATE users SET email_verified = true RETURNING 1) SELECT count(*)::int FROM u");

        var finished = await SocialHttp.SignInAsync(client, idp.Provider, new("sub-cat", "Cat.Social@example.com", EmailVerified: true));
        Assert.Equal("http://localhost/dashboard", finished.Location.AbsoluteUri);
        var session = await (await client.GetSessionAsync(finished.SessionCookie!)).JsonAsync();
        Assert.Equal(existing.UserId, session!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_configured_providers_are_listed_for_sign_in_buttons()
    {
        await using var factory = idp.Service(database);
        var response = await factory.CreatePlainClient().GetAsync("/api/auth/social-providers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""[{"id":"test","name":"test"}]""", await response.Content.ReadAsStringAsync());
    }
}
