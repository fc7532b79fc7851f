using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Mail;

namespace AuthPlatform.WebApi.HttpTests.SignInPipeline;

/// <summary>
/// autoSignInAfterVerification signs in with the link that proved the address, and only that one: a second
/// verification link, followed after the address was verified and a second factor enrolled, verifies
/// nothing and signs nobody in (it would be a way around the password and the second factor).
/// </summary>
[Trait("Tier", "fast")]
public sealed class EmailLinkSignInTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    private static readonly Dictionary<string, string?> AutoSignIn = new() { ["Auth:Email:AutoSignInAfterVerification"] = "true" };

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Only_the_link_that_proves_the_address_signs_in_and_a_later_one_is_no_way_around_the_second_factor()
    {
        await using var factory = mail.Service(database, AutoSignIn);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("link2fa@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "link2fa@example.com", callbackURL = "/welcome" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "link2fa@example.com", callbackURL = "/welcome" })).StatusCode);
        var links = (await mail.Catcher.WaitForAsync(count: 2, to: "link2fa@example.com")).Select(m => m.Link).ToList();
        Assert.Equal(2, links.Distinct().Count());

        // The first link proves the address and signs in, with what it proved.
        var first = await client.GetAsync(MailHttp.PathOf(links[0]));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        var linkSession = AuthApi.SessionSetCookie(first)!.Split(';')[0];
        var linkSessionId = await database.ScalarAsync<string>("select id from sessions order by created_at desc limit 1");

        var (secret, _) = await TwoFactorTests.EnableAsync(client, linkSession);
        var enrol = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, DateTimeOffset.UtcNow) }, linkSession);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        var sessionsBefore = await database.ScalarAsync<long>("select count(*) from sessions");

        var second = await client.GetAsync(MailHttp.PathOf(links[1]));
        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        var setCookie = AuthApi.SessionSetCookie(second);
        Assert.True(setCookie is null || setCookie.Contains("Max-Age=0", StringComparison.Ordinal), setCookie);
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("select count(*) from sessions"));

        // The session the first link started recorded what it proved: the address.
        Assert.Equal("email", await database.ScalarAsync<string>("select authentication_methods from sessions where id = $1", linkSessionId));
    }
}
