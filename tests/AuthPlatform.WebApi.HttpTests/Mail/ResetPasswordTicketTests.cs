using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>
/// A reset link belongs to the address it was mailed to and to the password it would replace: a change of
/// email, a password change or another reset leave no older reset link working (docs/adr/0110-reset-links-die-with-what-they-were-for.md).
/// </summary>
[Trait("Tier", "fast")]
public sealed class ResetPasswordTicketTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    private const string NewPassword = "a brand new passphrase 42";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_reset_link_is_refused_after_a_change_of_email()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("ticket1@example.com");
        await database.ScalarAsync<int>("update users set email_verified = true where email = 'ticket1@example.com' returning 1");
        await client.RequestResetAsync("ticket1@example.com");
        var token = MailHttp.ResetTokenOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "ticket1@example.com")).Link);

        var change = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-email", session.Cookie, new { newEmail = "ticket1-new@example.com" }));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var link = Assert.Single(await mail.Catcher.WaitForAsync(to: "ticket1-new@example.com")).Link;
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync(MailHttp.PathOf(link))).StatusCode);
        Assert.Equal("ticket1-new@example.com", await client.UserEmailAsync(session.Cookie));

        await AssertRefusedAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ticket1-new@example.com", AuthApi.Password)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_is_refused_after_a_password_change()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync("ticket2@example.com");
        await client.RequestResetAsync("ticket2@example.com");
        var token = MailHttp.ResetTokenOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "ticket2@example.com")).Link);

        var changed = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "changed passphrase 77", revokeOtherSessions = true }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await AssertRefusedAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ticket2@example.com", "changed passphrase 77")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_is_refused_after_another_reset()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("ticket3@example.com");
        await client.RequestResetAsync("ticket3@example.com");
        await client.RequestResetAsync("ticket3@example.com");
        var tokens = (await mail.Catcher.WaitForAsync(2, to: "ticket3@example.com")).Select(m => MailHttp.ResetTokenOf(m.Link)).ToArray();
        Assert.Equal(2, tokens.Distinct().Count());

        Assert.Equal(HttpStatusCode.OK, (await client.ResetPasswordAsync(tokens[1], NewPassword)).StatusCode);

        await AssertRefusedAsync(client, tokens[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ticket3@example.com", NewPassword)).StatusCode);
    }

    /// <summary>The link forwards an error instead of the token, and the token sets no password.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, string token)
    {
        var forwarded = await client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=%2Freset-password");
        Assert.Equal("http://localhost/reset-password?error=INVALID_TOKEN", forwarded.Headers.Location!.AbsoluteUri);
        await (await client.ResetPasswordAsync(token, "a password nobody set 9")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }
}
