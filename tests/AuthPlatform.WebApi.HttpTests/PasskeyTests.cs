using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Domain.Accounts;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// Passkeys over HTTP with a software authenticator: adding one needs a verified address; a sign-in
/// assertion must carry user verification (a passkey counts as both factors); the last way to sign in is
/// never deleted, not even by two removals at once.
/// </summary>
[Trait("Tier", "fast")]
public sealed class PasskeyTests(TestDatabase database) : IAsyncLifetime
{
    private const string Email = "ann@example.com";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Adding_a_passkey_needs_a_verified_address_and_asks_for_user_verification()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync(Email);

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "passkey/generate-register-options", ann.Cookie, origin: null)))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "passkey/verify-registration", ann.Cookie, new { response = new { id = "x" } })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from webauthn_challenges"));

        await database.MarkEmailVerifiedAsync(Email);
        var options = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "passkey/generate-register-options", ann.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal("required", (await options.JsonAsync())!["authenticatorSelection"]!["userVerification"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sign_in_assertion_without_user_verification_is_refused()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync(Email);
        using var authenticator = new SoftwarePasskey();
        await authenticator.StoreAsync(database.ConnectionString, ann.UserId);
        var sessionsBefore = await database.ScalarAsync<long>("select count(*) from sessions");

        var (options, challenge) = await AuthenticateOptionsAsync(client);
        Assert.Equal("required", JsonNode.Parse(options)!["userVerification"]!.GetValue<string>());
        var presenceOnly = await VerifyAsync(client, challenge, authenticator.Assert(options, userVerified: false));
        await presenceOnly.AssertProblemAsync(HttpStatusCode.BadRequest, "AUTHENTICATION_FAILED");
        Assert.Null(AuthApi.SessionSetCookie(presenceOnly));
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("select count(*) from sessions"));

        // The same authenticator with the user verified signs in: only the flag made the difference.
        (options, challenge) = await AuthenticateOptionsAsync(client);
        var verified = await VerifyAsync(client, challenge, authenticator.Assert(options, userVerified: true));
        Assert.True(verified.StatusCode == HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        Assert.Equal(ann.UserId, (await verified.JsonAsync())!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_last_passkey_of_a_user_without_a_password_or_provider_account_is_not_deleted()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync(Email);
        using var laptop = new SoftwarePasskey();
        using var phone = new SoftwarePasskey();
        var laptopId = await laptop.StoreAsync(database.ConnectionString, ann.UserId, "laptop");
        var phoneId = await phone.StoreAsync(database.ConnectionString, ann.UserId, "phone");

        // With a password and two passkeys, a passkey goes; then the password goes (a passkey is left).
        Assert.Equal(HttpStatusCode.OK, (await DeletePasskeyAsync(client, ann.Cookie, phoneId)).StatusCode);
        var unlink = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", ann.Cookie, new { providerId = "credential" }));
        Assert.Equal(HttpStatusCode.OK, unlink.StatusCode);

        await (await DeletePasskeyAsync(client, ann.Cookie, laptopId)).AssertProblemAsync(HttpStatusCode.BadRequest, "CANNOT_DELETE_LAST_SIGN_IN_METHOD");
        await (await DeletePasskeyAsync(client, ann.Cookie, "no-such-passkey")).AssertProblemAsync(HttpStatusCode.Unauthorized, "PASSKEY_NOT_FOUND");
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from passkeys"));
    }

    [Fact]
    public async Task Removing_the_last_two_ways_in_at_once_leaves_one_whichever_routes_remove_them()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync(Email);
        var authenticators = new List<SoftwarePasskey> { new(), new() };
        try
        {
            foreach (var authenticator in authenticators)
            {
                await authenticator.StoreAsync(database.ConnectionString, ann.UserId);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", ann.Cookie, new { providerId = "credential" }))).StatusCode);
            for (var round = 0; round < 5; round++)
            {
                // The user's only two ways in, two passkeys, deleted at once.
                for (var have = await database.ScalarAsync<long>("select count(*) from passkeys"); have < 2; have++)
                {
                    authenticators.Add(new SoftwarePasskey());
                    await authenticators[^1].StoreAsync(database.ConnectionString, ann.UserId);
                }

                var ids = (await PasskeyIdsAsync(client, ann.Cookie)).ToList();
                Assert.Equal(2, ids.Count);
                var answers = await Task.WhenAll(ids.Select(id => Task.Run(() => DeletePasskeyAsync(client, ann.Cookie, id))));
                Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
                Assert.Equal("CANNOT_DELETE_LAST_SIGN_IN_METHOD", await answers.Single(a => a.StatusCode != HttpStatusCode.OK).CodeAsync());
                Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from passkeys"));
            }

            // A provider's account and the last passkey removed at once, through unlink-account and delete-passkey.
            var account = Account.Link(ann.UserId, "test", "https://idp.example", "sub-ann", DateTimeOffset.UtcNow);
            await TestRows.AddAsync(database.ConnectionString, db => db.Accounts.Add(account));
            var passkeyId = (await PasskeyIdsAsync(client, ann.Cookie)).Single();
            var both = await Task.WhenAll(
                Task.Run(() => client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "unlink-account", ann.Cookie, new { accountId = account.Id }))),
                Task.Run(() => DeletePasskeyAsync(client, ann.Cookie, passkeyId)));
            Assert.Equal(1, both.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1L, await database.ScalarAsync<long>("select (select count(*) from passkeys) + (select count(*) from accounts) + (select count(*) from password_credentials)"));
        }
        finally
        {
            authenticators.ForEach(a => a.Dispose());
        }
    }

    private static async Task<(string Options, string ChallengeCookie)> AuthenticateOptionsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/auth/passkey/generate-authenticate-options");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.Split('=')[0].EndsWith("better-auth-passkey", StringComparison.Ordinal));
        return (await response.Content.ReadAsStringAsync(), cookie);
    }

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string challengeCookie, JsonObject assertion) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "passkey/verify-authentication", challengeCookie, new JsonObject { ["response"] = assertion }));

    private static Task<HttpResponseMessage> DeletePasskeyAsync(HttpClient client, string cookie, string id) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "passkey/delete-passkey", cookie, new { id }));

    private static async Task<IEnumerable<string>> PasskeyIdsAsync(HttpClient client, string cookie) =>
        (await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "passkey/list-user-passkeys", cookie, origin: null))).JsonAsync())!
            .AsArray().Select(p => p!["id"]!.GetValue<string>());
}
