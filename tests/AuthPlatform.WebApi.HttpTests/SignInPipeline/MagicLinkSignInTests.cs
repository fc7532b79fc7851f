using System.Net;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Mail;

namespace AuthPlatform.WebApi.HttpTests.SignInPipeline;

/// <summary>
/// Magic links (BetterAuth's magic-link plugin) through the one sign-in pipeline: a link signs in once and
/// only until it expires; the request answers alike for every address; a new address is signed up only while
/// sign-up is allowed; a user with a second factor gets the challenge, not a session.
/// </summary>
[Trait("Tier", "fast")]
public sealed class MagicLinkSignInTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_link_signs_in_once_and_a_second_use_is_refused()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync("ml1@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.RequestMagicLinkAsync("ml1@example.com")).StatusCode);
        var link = (await EmailSignInHttp.MailAsync(mail.Catcher, "ml1@example.com")).Link;

        var first = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal("http://localhost/dashboard", first.Headers.Location!.AbsoluteUri);
        var cookie = AuthApi.SessionSetCookie(first)!.Split(';')[0];
        Assert.Equal(signedUp.UserId, (await (await client.GetSessionAsync(cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal("email", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        var sessions = await database.ScalarAsync<long>("select count(*) from sessions");
        var second = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        Assert.Equal("http://localhost/dashboard?error=INVALID_TOKEN", second.Headers.Location!.AbsoluteUri);
        Assert.Null(AuthApi.SessionSetCookie(second));
        Assert.Equal(sessions, await database.ScalarAsync<long>("select count(*) from sessions"));
    }

    [Fact]
    public async Task Without_a_callback_the_link_answers_the_session_as_JSON()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync("ml2@example.com");
        await client.RequestMagicLinkAsync("ml2@example.com");
        var token = System.Web.HttpUtility.ParseQueryString(new Uri((await EmailSignInHttp.MailAsync(mail.Catcher, "ml2@example.com")).Link).Query)["token"]!;

        var response = await client.GetAsync($"/api/auth/magic-link/verify?token={token}");
        var signedIn = await AuthApi.ReadSignedInAsync(response);
        Assert.Equal(signedUp.UserId, signedIn.UserId);
        Assert.Equal(signedUp.UserId, (await response.JsonAsync())!["session"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Altered_and_expired_links_are_refused()
    {
        await using var factory = mail.Service(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("ml3@example.com");
        await client.RequestMagicLinkAsync("ml3@example.com");
        var link = (await EmailSignInHttp.MailAsync(mail.Catcher, "ml3@example.com")).Link;
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        foreach (var bad in new[] { altered, token + "x", "short", string.Empty })
        {
            var response = await client.GetAsync($"/api/auth/magic-link/verify?token={Uri.EscapeDataString(bad)}&callbackURL=/dashboard");
            Assert.Equal("http://localhost/dashboard?error=INVALID_TOKEN", response.Headers.Location!.AbsoluteUri);
            Assert.Null(AuthApi.SessionSetCookie(response));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)); // past the default 5 minutes
        var expired = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal("http://localhost/dashboard?error=INVALID_TOKEN", expired.Headers.Location!.AbsoluteUri);
        Assert.Null(AuthApi.SessionSetCookie(expired));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_its_link_signs_it_up()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("ml4@example.com");

        var known = await client.RequestMagicLinkAsync("ml4@example.com", newUserCallbackURL: "/welcome");
        var unknown = await client.RequestMagicLinkAsync("new4@example.com", newUserCallbackURL: "/welcome");
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal("{\"status\":true}", await unknown.Content.ReadAsStringAsync());

        var link = (await EmailSignInHttp.MailAsync(mail.Catcher, "new4@example.com")).Link;
        var followed = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal("http://localhost/welcome", followed.Headers.Location!.AbsoluteUri);
        Assert.NotNull(AuthApi.SessionSetCookie(followed));
        Assert.True(await database.ScalarAsync<bool>("select email_verified from users where email = 'new4@example.com'"));
    }

    [Fact]
    public async Task With_sign_up_disabled_a_new_address_gets_no_link_and_an_earlier_link_creates_no_user()
    {
        // A link mailed while sign-up was allowed...
        string link;
        await using (var open = mail.Service(database))
        {
            await open.CreatePlainClient().RequestMagicLinkAsync("new5@example.com");
            link = (await EmailSignInHttp.MailAsync(mail.Catcher, "new5@example.com")).Link;
        }

        await using var factory = mail.Service(database, new Dictionary<string, string?> { ["Auth:MagicLink:DisableSignUp"] = "true" });
        var client = factory.CreatePlainClient();

        // ...creates no user once it is not.
        var followed = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal("http://localhost/dashboard?error=new_user_signup_disabled", followed.Headers.Location!.AbsoluteUri);
        Assert.Null(AuthApi.SessionSetCookie(followed));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from users where email = 'new5@example.com'"));

        // And a new request answers as always, but mails nothing.
        var again = await client.RequestMagicLinkAsync("other5@example.com");
        Assert.Equal("{\"status\":true}", await again.Content.ReadAsStringAsync());
        Assert.Equal("Dropped", await EmailSignInHttp.OutcomeOfLastJobAsync(database, "other5@example.com"));
    }

    [Fact]
    public async Task A_user_with_TOTP_gets_the_two_factor_challenge_and_no_session_until_verify_totp()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync("ml6@example.com");
        await database.MarkEmailVerifiedAsync("ml6@example.com");
        var (secret, _) = await TwoFactorTests.EnableAsync(client, signedUp.Cookie);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now) }, signedUp.Cookie)).StatusCode);
        var sessions = await database.ScalarAsync<long>("select count(*) from sessions");

        await client.RequestMagicLinkAsync("ml6@example.com");
        var followed = await client.GetAsync(MailHttp.PathOf((await EmailSignInHttp.MailAsync(mail.Catcher, "ml6@example.com")).Link));

        Assert.Equal("http://localhost/dashboard?twoFactorRedirect=true", followed.Headers.Location!.AbsoluteUri);
        var setCookie = AuthApi.SessionSetCookie(followed); // at most the expiry of a session cookie the browser had
        Assert.True(setCookie is null || setCookie.Contains("Max-Age=0", StringComparison.Ordinal), setCookie);
        Assert.Equal(sessions, await database.ScalarAsync<long>("select count(*) from sessions"));
        var pending = TwoFactorTests.CookieNamed(followed, "two_factor");
        Assert.NotNull(pending);

        var verified = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now.AddSeconds(30)) }, pending!);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("email otp mfa", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));
    }
}
