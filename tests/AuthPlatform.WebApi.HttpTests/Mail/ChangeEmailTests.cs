using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>Change of email: a link to the new address, a notice to the old one, the change only on the click, nothing revealed.</summary>
[Trait("Tier", "fast")]
public sealed class ChangeEmailTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_address_changes_when_the_link_to_the_new_one_is_followed()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("change1@example.com");
        await database.ScalarAsync<int>("update users set email_verified = true where email = 'change1@example.com' returning 1");

        var response = await ChangeAsync(client, session.Cookie, "change1-new@example.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":true}""", await response.Content.ReadAsStringAsync());

        var link = Assert.Single(await mail.Catcher.WaitForAsync(to: "change1-new@example.com")).Link;
        var notice = Assert.Single(await mail.Catcher.WaitForAsync(to: "change1@example.com"));
        Assert.Contains("change1-new@example.com", notice.Text, StringComparison.Ordinal);
        Assert.Equal("change1@example.com", await client.UserEmailAsync(session.Cookie)); // not yet

        var followed = await client.GetAsync(MailHttp.PathOf(link));
        Assert.Equal(HttpStatusCode.Found, followed.StatusCode);
        Assert.Equal("change1-new@example.com", await client.UserEmailAsync(session.Cookie));
        Assert.True(await client.EmailVerifiedAsync(session.Cookie));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "change1-new@example.com", password = AuthApi.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "change1@example.com", password = AuthApi.Password })).StatusCode);
    }

    [Fact]
    public async Task A_taken_address_gets_the_same_answer_and_no_mail()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("taken2@example.com");
        var session = await client.SignUpAsync("change2@example.com");

        var taken = await ChangeAsync(client, session.Cookie, "taken2@example.com");
        var free = await ChangeAsync(client, session.Cookie, "free2@example.com");

        Assert.Equal(free.StatusCode, taken.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        await mail.Catcher.WaitForAsync(to: "free2@example.com");
        await Task.Delay(1000);
        Assert.Empty(await mail.Catcher.WaitForAsync(to: "taken2@example.com", timeout: TimeSpan.Zero));
        Assert.Equal("change2@example.com", await client.UserEmailAsync(session.Cookie));
    }

    [Fact]
    public async Task Needs_a_session_a_fresh_one_and_a_different_address()
    {
        await using var factory = mail.Service(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("change3@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/change-email", new { newEmail = "x3@example.com" })).StatusCode);
        Assert.Equal("EMAIL_IS_THE_SAME", (await (await ChangeAsync(client, session.Cookie, "Change3@Example.com")).JsonAsync())!["code"]!.GetValue<string>());
        Assert.Equal("INVALID_CALLBACK_URL", (await (await ChangeAsync(client, session.Cookie, "x3@example.com", "https://evil.example/")).JsonAsync())!["code"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromDays(2)); // past the fresh age (1 day), within the session's life
        var stale = await ChangeAsync(client, session.Cookie, "x3@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal("SESSION_NOT_FRESH", (await stale.JsonAsync())!["code"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string cookie, string newEmail, string? callbackURL = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/change-email")
        {
            Content = JsonContent.Create(callbackURL is null ? new { newEmail } : (object)new { newEmail, callbackURL }),
        };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", TestSettings.BaseUrl); // a browser sends it with every cookie POST
        return client.SendAsync(request);
    }
}
