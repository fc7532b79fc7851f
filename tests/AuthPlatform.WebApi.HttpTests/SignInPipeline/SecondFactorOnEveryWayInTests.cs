using System.Net;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Social;

namespace AuthPlatform.WebApi.HttpTests.SignInPipeline;

/// <summary>
/// The sign-in policy (ADR 0108) holds for every way in, not just the password: a user with TOTP who signs
/// in through an identity provider gets the two_factor cookie and no session, and verify-totp finishes that
/// sign-in; the session records both proofs.
/// </summary>
[Trait("Tier", "fast")]
public sealed class SecondFactorOnEveryWayInTests(TestDatabase database, SocialProviderServer idp) : IAsyncLifetime, IClassFixture<SocialProviderServer>
{
    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_user_with_TOTP_who_signs_in_with_a_provider_gets_the_two_factor_cookie_and_no_session_until_verify_totp()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync();
        await database.ScalarAsync<int>("update users set email_verified = true where email = 'ann@example.com' returning 1");
        var (secret, _) = await TwoFactorTests.EnableAsync(client, signedUp.Cookie);
        var now = DateTimeOffset.UtcNow;
        var enrol = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now) }, signedUp.Cookie);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        var sessionsBefore = await database.ScalarAsync<long>("select count(*) from sessions");

        // The provider vouches for the same, verified address: the trusted provider's identity is linked to Ann.
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, new("sub-ann-2fa", "ann@example.com", EmailVerified: true, Name: "Ann"));
        var finished = await SocialHttp.CallbackAsync(client, callback, started.StateCookie);

        Assert.Null(finished.SessionCookie);
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("select count(*) from sessions"));
        Assert.Equal("http://localhost/dashboard?twoFactorRedirect=true", finished.Location.AbsoluteUri);
        var pending = TwoFactorTests.CookieNamed(finished.Response, "two_factor");
        Assert.NotNull(pending);
        Assert.Equal("null", await (await client.GetSessionAsync(pending!)).Content.ReadAsStringAsync());

        var verified = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now.AddSeconds(30)) }, pending!);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var cookie = AuthApi.SessionSetCookie(verified)!.Split(';')[0];
        Assert.Equal(signedUp.UserId, (await (await client.GetSessionAsync(cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal("fed otp mfa", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));
    }

    [Fact]
    public async Task Each_session_records_how_the_user_proved_who_they_are()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        Assert.Equal("pwd", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        var signedIn = await client.SignInAsync();
        Assert.Equal("pwd", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        // A rotation (change-password) keeps the proof of the session it replaces.
        var change = await TwoFactorTests.PostAsync(client, "change-password", new { currentPassword = AuthApi.Password, newPassword = "another fine passphrase" }, signedIn.Cookie);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("pwd", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        var social = await SocialHttp.SignInAsync(client, idp.Provider, new("sub-bob", "bob@example.com", EmailVerified: true, Name: "Bob"));
        Assert.NotNull(social.SessionCookie);
        Assert.Equal("fed", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));
    }
}
