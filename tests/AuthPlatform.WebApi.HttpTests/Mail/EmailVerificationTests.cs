using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>Email verification over real SMTP: the link verifies once; mismatches and missing transport answer BetterAuth's codes.</summary>
[Trait("Tier", "fast")]
public sealed class EmailVerificationTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_mailed_link_verifies_the_address_once()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("verify1@example.com");
        Assert.False(await client.EmailVerifiedAsync(session.Cookie));

        var sent = await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "verify1@example.com", callbackURL = "/welcome" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("""{"status":true}""", await sent.Content.ReadAsStringAsync());
        var message = Assert.Single(await mail.Catcher.WaitForAsync(to: "verify1@example.com"));
        Assert.StartsWith("http://localhost/api/auth/verify-email?token=", message.Link, StringComparison.Ordinal);

        var followed = await client.GetAsync(MailHttp.PathOf(message.Link));
        Assert.Equal(HttpStatusCode.Found, followed.StatusCode);
        Assert.Equal("http://localhost/welcome", followed.Headers.Location!.AbsoluteUri);

        // The first proof of the address ends the sessions begun before it (ADR 0111); a new sign-in sees it verified.
        Assert.Null(await client.EmailVerifiedAsync(session.Cookie));
        session = await client.SignInAsync("verify1@example.com");
        Assert.True(await client.EmailVerifiedAsync(session.Cookie));

        var again = await client.GetAsync(MailHttp.PathOf(message.Link));
        Assert.Equal("http://localhost/welcome?error=INVALID_TOKEN", again.Headers.Location!.AbsoluteUri);
        var withoutCallback = await client.GetAsync("/api/auth/verify-email?token=" + System.Web.HttpUtility.ParseQueryString(new Uri(message.Link).Query)["token"]);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCallback.StatusCode);
        Assert.Equal("INVALID_TOKEN", (await withoutCallback.JsonAsync())!["code"]!.GetValue<string>());

        // Verified now: signed in, asking again is refused; signed out, the answer stays the same.
        var signedIn = new HttpRequestMessage(HttpMethod.Post, "/api/auth/send-verification-email") { Content = JsonContent.Create(new { email = "verify1@example.com" }) };
        signedIn.Headers.Add("Cookie", session.Cookie);
        signedIn.Headers.Add("Origin", TestSettings.BaseUrl); // a browser sends it with every cookie POST
        Assert.Equal("EMAIL_ALREADY_VERIFIED", (await (await client.SendAsync(signedIn)).JsonAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "verify1@example.com" })).StatusCode);
    }

    [Fact]
    public async Task Signed_in_the_address_must_be_the_callers()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("verify2@example.com");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/send-verification-email") { Content = JsonContent.Create(new { email = "someone-else@example.com" }) };
        request.Headers.Add("Cookie", session.Cookie);
        request.Headers.Add("Origin", TestSettings.BaseUrl);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EMAIL_MISMATCH", (await response.JsonAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_mail_transport_the_routes_say_so()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();

        var reset = await client.RequestResetAsync("verify3@example.com");
        var verification = await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "verify3@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("RESET_PASSWORD_DISABLED", (await reset.JsonAsync())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, verification.StatusCode);
        Assert.Equal("VERIFICATION_EMAIL_NOT_ENABLED", (await verification.JsonAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_address_gets_at_most_three_mails_per_window_whoever_asks()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("verify4@example.com");

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.RequestResetAsync("verify4@example.com")).StatusCode);
        }

        await mail.Catcher.WaitForAsync(3, to: "verify4@example.com");
        await Task.Delay(1000);
        Assert.Equal(3, (await mail.Catcher.WaitForAsync(to: "verify4@example.com", timeout: TimeSpan.Zero)).Count);
    }
}
