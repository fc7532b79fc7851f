using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Sign-out (POST /sign-out) revokes the presented session, by cookie or bearer, and clears the cookie with the attributes it was set with.</summary>
[Trait("Tier", "fast")]
public sealed class SignOutTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static HttpRequestMessage SignOutRequest(string? cookie = null, string? bearer = null, string origin = TestSettings.BaseUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Content = AuthApi.Json("{}") };
        if (cookie is not null)
        {
            // A cookie-carrying POST must name a trusted origin (CSRF origin check), as browsers do.
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("Origin", origin);
        }

        if (bearer is not null)
        {
            request.Headers.Add("Authorization", "Bearer " + bearer);
        }

        return request;
    }

    [Fact]
    public async Task Sign_out_revokes_the_row_and_both_the_cookie_and_the_bearer_token_stop_working()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var signOut = await client.SendAsync(SignOutRequest(cookie: session.Cookie));

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.True((await signOut.JsonAsync())!["success"]!.GetValue<bool>());
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from sessions where revoked_at is not null"));
        Assert.Equal("null", await (await client.GetSessionAsync(session.Cookie)).Content.ReadAsStringAsync());
        Assert.Equal("null", await (await client.GetSessionWithBearerAsync(session.Token)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_out_with_a_bearer_token_revokes_that_session()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignOutRequest(bearer: session.Token))).StatusCode);

        Assert.Equal("null", await (await client.GetSessionWithBearerAsync(session.Token)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_out_without_a_session_still_succeeds_and_clears_the_cookie()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var response = await factory.CreatePlainClient().SendAsync(SignOutRequest());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax", AuthApi.SessionSetCookie(response));
    }

    [Theory]
    [InlineData("SameSite", null, "; Path=/; HttpOnly; SameSite=Lax")]
    [InlineData("CrossSite", null, "; Path=/; HttpOnly; Secure; SameSite=None; Partitioned")]
    [InlineData("SameSite", "https://auth.example.com", "; Path=/; HttpOnly; Secure; SameSite=Lax")]
    public async Task The_clearing_cookie_repeats_the_attributes_of_the_setting_cookie(string mode, string? baseUrl, string attributes)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Cookies:Mode"] = mode;
        if (baseUrl is not null)
        {
            factory.Settings["Auth:BaseUrl"] = baseUrl;
        }

        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var cleared = AuthApi.SessionSetCookie(await client.SendAsync(SignOutRequest(cookie: session.Cookie, origin: baseUrl ?? TestSettings.BaseUrl)))!;

        var name = session.SetCookie.Split('=')[0];
        Assert.EndsWith(attributes, session.SetCookie, StringComparison.Ordinal);
        Assert.Equal(name + "=; Max-Age=0" + attributes, cleared);
        Assert.Equal(mode == "CrossSite" || baseUrl is not null ? "__Host-better-auth.session_token" : "better-auth.session_token", name);
    }
}
