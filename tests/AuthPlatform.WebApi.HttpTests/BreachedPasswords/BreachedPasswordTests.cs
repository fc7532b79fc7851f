using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Mail;

namespace AuthPlatform.WebApi.HttpTests.BreachedPasswords;

/// <summary>
/// The breached-password check (BetterAuth's haveIBeenPwned) against a range server in the published
/// format: a breached password is refused at sign-up, change-password and reset-password with the plugin's
/// code and message; a safe one (its suffix on a padding line of count 0) is taken; only the five-character
/// prefix leaves the service, with Add-Padding; a range server that cannot be reached blocks nothing unless
/// the operator asked to fail closed.
/// </summary>
[Trait("Tier", "fast")]
public sealed class BreachedPasswordTests(TestDatabase database, PwnedRangeServer range, MailServer mail)
    : IAsyncLifetime, IClassFixture<PwnedRangeServer>, IClassFixture<MailServer>
{
    private const string CompromisedMessage = "The password you entered has been compromised. Please choose a different password.";

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        range.Requests.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email, password });

    [Fact]
    public async Task A_breached_password_is_refused_at_sign_up_and_only_its_five_character_prefix_is_sent_with_padding()
    {
        await using var factory = range.Service(database);
        var client = factory.CreatePlainClient();

        var refused = await (await SignUpAsync(client, "ann@example.com", PwnedRangeServer.BreachedPassword))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_COMPROMISED");
        Assert.Equal(CompromisedMessage, refused["message"]!.GetValue<string>());
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from users"));

        var hash = PwnedRangeServer.Sha1Hex(PwnedRangeServer.BreachedPassword);
        var (path, padding) = Assert.Single(range.Requests);
        Assert.Equal("/range/" + hash[..5], path);
        Assert.DoesNotContain(hash[5..], path, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("true", padding);
    }

    [Fact]
    public async Task A_safe_password_is_taken_even_with_its_suffix_on_a_padding_line()
    {
        await using var factory = range.Service(database);
        var client = factory.CreatePlainClient();

        await AuthApi.ReadSignedInAsync(await SignUpAsync(client, "ann@example.com", PwnedRangeServer.SafePassword));

        var (path, _) = Assert.Single(range.Requests);
        Assert.Equal("/range/" + PwnedRangeServer.Sha1Hex(PwnedRangeServer.SafePassword)[..5], path);
    }

    [Fact]
    public async Task A_breached_password_is_refused_at_change_password()
    {
        await using var factory = range.Service(database);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync(password: PwnedRangeServer.SafePassword);

        var change = await TwoFactorTests.PostAsync(client, "change-password",
            new { currentPassword = PwnedRangeServer.SafePassword, newPassword = PwnedRangeServer.BreachedPassword }, ann.Cookie);
        await change.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_COMPROMISED");
        await client.SignInAsync(password: PwnedRangeServer.SafePassword);
    }

    [Fact]
    public async Task A_breached_password_is_refused_at_reset_password()
    {
        await using var factory = range.Service(database, extra: mail.Catcher.ServiceSettings);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("reset-breached@example.com", PwnedRangeServer.SafePassword);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestResetAsync("reset-breached@example.com")).StatusCode);
        var message = Assert.Single(await mail.Catcher.WaitForAsync(to: "reset-breached@example.com"));

        var reset = await client.ResetPasswordAsync(MailHttp.ResetTokenOf(message.Link), PwnedRangeServer.BreachedPassword);
        await reset.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_COMPROMISED");
        await client.SignInAsync("reset-breached@example.com", PwnedRangeServer.SafePassword);
    }

    [Fact]
    public async Task A_range_server_that_cannot_be_reached_blocks_no_sign_up_unless_the_check_fails_closed()
    {
        var unreachable = PwnedRangeServer.UnreachableRangeUrl();
        await using (var open = range.Service(database, unreachable))
        {
            await AuthApi.ReadSignedInAsync(await SignUpAsync(open.CreatePlainClient(), "ann@example.com", PwnedRangeServer.BreachedPassword));
        }

        await using var closed = range.Service(database, unreachable, failClosed: true);
        await (await SignUpAsync(closed.CreatePlainClient(), "bob@example.com", PwnedRangeServer.SafePassword))
            .AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "PASSWORD_CHECK_UNAVAILABLE");
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from users where email = 'bob@example.com'"));
    }
}
