using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>Forgotten password over real SMTP (MailDev): the mail, its link, the new password, the ended sessions.</summary>
[Trait("Tier", "fast")]
public sealed class PasswordResetTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    private const string NewPassword = "a brand new passphrase 42";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reset_link_from_the_mail_sets_the_password_and_ends_every_session()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var first = await client.SignUpAsync("reset1@example.com");
        var second = await client.SignInAsync("reset1@example.com");

        var requested = await client.RequestResetAsync("reset1@example.com");
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Equal("""{"status":true,"message":"If this email exists in our system, check your email for the reset link"}""", await requested.Content.ReadAsStringAsync());

        var message = Assert.Single(await mail.Catcher.WaitForAsync(to: "reset1@example.com"));
        Assert.Contains("Reset", message.Subject, StringComparison.Ordinal);
        Assert.Contains(message.Link, message.Html, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/api/auth/reset-password/", message.Link, StringComparison.Ordinal);

        // The link forwards the token to the frontend's page.
        var forwarded = await client.GetAsync(MailHttp.PathOf(message.Link));
        Assert.Equal(HttpStatusCode.Found, forwarded.StatusCode);
        var token = MailHttp.ResetTokenOf(message.Link);
        Assert.Equal($"http://localhost/reset-password?token={token}", forwarded.Headers.Location!.AbsoluteUri);

        var reset = await client.ResetPasswordAsync(token, NewPassword);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("""{"status":true}""", await reset.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "reset1@example.com", password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "reset1@example.com", password = AuthApi.Password })).StatusCode);
        foreach (var earlier in new[] { first, second })
        {
            Assert.Equal("null", await (await client.GetSessionAsync(earlier.Cookie, "?disableCookieCache=true")).Content.ReadAsStringAsync());
        }

        // Used: the token works no more, and the link now forwards an error.
        var again = await client.ResetPasswordAsync(token, "yet another passphrase 43");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode); // INVALID_TOKEN is 401 on every route (docs/compatibility.md)
        Assert.Equal("INVALID_TOKEN", (await again.JsonAsync())!["code"]!.GetValue<string>());
        var usedLink = await client.GetAsync(MailHttp.PathOf(message.Link));
        Assert.Equal("http://localhost/reset-password?error=INVALID_TOKEN", usedLink.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "reset1@example.com", password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task Altered_and_expired_tokens_are_INVALID_TOKEN_and_change_nothing()
    {
        await using var factory = mail.Service(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("reset2@example.com");
        await client.RequestResetAsync("reset2@example.com");
        var token = MailHttp.ResetTokenOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "reset2@example.com")).Link);

        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (var bad in new[] { altered, token + "x", "short", string.Empty })
        {
            var response = await client.ResetPasswordAsync(bad, NewPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("INVALID_TOKEN", (await response.JsonAsync())!["code"]!.GetValue<string>());
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(61)); // past the default hour
        var expired = await client.ResetPasswordAsync(token, NewPassword);
        Assert.Equal("INVALID_TOKEN", (await expired.JsonAsync())!["code"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "reset2@example.com", password = AuthApi.Password })).StatusCode);
        Assert.Equal("reset2@example.com", await client.UserEmailAsync(session.Cookie));
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_mail()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("reset3@example.com");

        var known = await client.RequestResetAsync("reset3@example.com");
        var unknown = await client.RequestResetAsync("nobody3@example.com");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsByteArrayAsync(), await unknown.Content.ReadAsByteArrayAsync());
        Assert.Equal(HeaderNames(known), HeaderNames(unknown));
        await mail.Catcher.WaitForAsync(to: "reset3@example.com");
        await Task.Delay(1000); // the sender has had time for both jobs
        Assert.Empty(await mail.Catcher.WaitForAsync(to: "nobody3@example.com", timeout: TimeSpan.Zero));
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*) from mail_jobs where completed_at is not null"));
    }

    [Fact]
    public async Task Links_come_from_the_base_url_not_the_Host_header_and_redirects_must_be_trusted()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("reset4@example.com");

        foreach (var bad in new[] { "https://evil.example/steal", "//evil.example/x", "/\\evil.example", "javascript:alert(1)" })
        {
            var refused = await client.RequestResetAsync("reset4@example.com", bad);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("INVALID_REDIRECT_URL", (await refused.JsonAsync())!["code"]!.GetValue<string>());
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/request-password-reset") { Content = JsonContent.Create(new { email = "reset4@example.com", redirectTo = "/r" }) };
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var message = Assert.Single(await mail.Catcher.WaitForAsync(to: "reset4@example.com"));
        Assert.StartsWith("http://localhost/api/auth/reset-password/", message.Link, StringComparison.Ordinal);

        var forward = await client.GetAsync($"/api/auth/reset-password/{MailHttp.ResetTokenOf(message.Link)}?callbackURL=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Forbidden, forward.StatusCode);
        Assert.Equal("INVALID_CALLBACK_URL", (await forward.JsonAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_database_dump_holds_no_usable_token()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("reset5@example.com");
        await client.RequestResetAsync("reset5@example.com");
        await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "reset5@example.com" });
        var messages = await mail.Catcher.WaitForAsync(2, to: "reset5@example.com");
        var tokens = new[] { MailHttp.ResetTokenOf(messages.Single(m => m.Link.Contains("/reset-password/", StringComparison.Ordinal)).Link),
            System.Web.HttpUtility.ParseQueryString(new Uri(messages.Single(m => m.Link.Contains("/verify-email", StringComparison.Ordinal)).Link).Query)["token"]! };

        var dump = await DumpAsync();
        foreach (var token in tokens)
        {
            Assert.Equal(43, token.Length); // 256 bits, base64url
            Assert.DoesNotContain(token, dump, StringComparison.Ordinal);
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
            Assert.Contains(digest, dump, StringComparison.Ordinal); // what is stored is the digest
        }
    }

    /// <summary>Every row of every table, as text (what pg_dump would hold).</summary>
    private async Task<string> DumpAsync()
    {
        var tables = new[] { "users", "password_credentials", "sessions", "verification_tickets", "mail_jobs" };
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append(await database.ScalarAsync<string>($"select coalesce(string_agg(t::text, E'\\n'), '') from {table} t")).Append('\n');
        }

        // bytea columns print as \x<hex> in row text.
        return text.ToString();
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(k => k is not "X-Request-Id" and not "Date").Order(StringComparer.Ordinal).ToArray();
}
