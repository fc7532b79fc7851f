using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.4.1: after sign-out the token, by cookie or bearer, no longer authenticates anything (401 on
/// session routes; get-session answers BetterAuth's JSON null), the row is revoked, and the clearing
/// Set-Cookie repeats the attributes it was set with, Partitioned included.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs14_Logout(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task After_sign_out_cookie_and_bearer_are_refused_and_the_row_is_revoked()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var signOut = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "sign-out", session.Cookie, new { }));

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal("SignedOut", await database.ScalarAsync<string>("select revocation_reason from sessions"));
        await (await client.ListSessionsAsync(session.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var bearer = await client.SendAsync(AuthApi.WithBearer(HttpMethod.Get, "list-sessions", session.Token));
        await bearer.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("invalid_token", bearer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("null", await (await client.GetSessionAsync(session.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_clearing_cookie_repeats_partitioned()
    {
        await using var factory = SecurityHost.Create(database);
        factory.Settings["Auth:BaseUrl"] = "https://auth.example.com";
        factory.Settings["Auth:Cookies:Mode"] = "CrossSite";
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var signOut = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "sign-out", session.Cookie, new { }, origin: "https://auth.example.com"));

        Assert.Equal("__Host-better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=None; Partitioned", AuthApi.SessionSetCookie(signOut));
    }
}
