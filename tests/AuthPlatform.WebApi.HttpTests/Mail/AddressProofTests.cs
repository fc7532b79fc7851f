using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Social;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>
/// Account takeover by pre-registration: a squatter signs up with the owner's address (never verified) and adds
/// ways in of their own; when the owner proves the address (a reset link, or the verification link) every
/// such way in is removed (docs/adr/0111-address-proof-removes-unproven-sign-in-methods.md).
/// </summary>
[Trait("Tier", "fast")]
public sealed class AddressProofTests(TestDatabase database, MailServer mail, SocialProviderServer idp)
    : IAsyncLifetime, IClassFixture<MailServer>, IClassFixture<SocialProviderServer>
{
    private const string SquatterPassword = "the squatters own passphrase 1";
    private const string OwnersPassword = "the owners new passphrase 2";

    private static readonly string[] SquatterRows = ["passkeys", "accounts", "two_factor_enrolments", "two_factor_backup_codes", "trusted_devices"];

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_reset_by_the_owner_removes_the_squatters_linked_account_passkey_second_factor_and_sessions()
    {
        await using var factory = Service();
        var client = factory.CreatePlainClient();
        var squatter = await SquatAsync(client, "owner.reset@example.com", "sub-squatter-1");

        await client.RequestResetAsync("owner.reset@example.com");
        var token = MailHttp.ResetTokenOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "owner.reset@example.com")).Link);
        Assert.Equal(HttpStatusCode.OK, (await client.ResetPasswordAsync(token, OwnersPassword)).StatusCode);

        await AssertSquatterIsOutAsync(client, squatter, "owner.reset@example.com", "sub-squatter-1");
        var owner = await client.SignInAsync("owner.reset@example.com", OwnersPassword);
        Assert.True(await client.EmailVerifiedAsync(owner.Cookie));
    }

    [Fact]
    public async Task Following_the_verification_link_of_a_never_verified_account_removes_the_squatters_ways_in()
    {
        await using var factory = Service();
        var client = factory.CreatePlainClient();
        var squatter = await SquatAsync(client, "owner.verify@example.com", "sub-squatter-2");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "owner.verify@example.com" })).StatusCode);
        var link = Assert.Single(await mail.Catcher.WaitForAsync(to: "owner.verify@example.com")).Link;
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync(MailHttp.PathOf(link) + "&callbackURL=%2Fwelcome")).StatusCode);

        await AssertSquatterIsOutAsync(client, squatter, "owner.verify@example.com", "sub-squatter-2");
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from users where email = 'owner.verify@example.com' and email_verified"));
    }

    private AuthApiFactory Service() => idp.Service(database, mail.Catcher.ServiceSettings, trusted: false);

    /// <summary>The squatter's account at the owner's address: a password, a linked provider account, a passkey, TOTP with backup codes, a trusted device.</summary>
    private async Task<AuthApi.SignedIn> SquatAsync(HttpClient client, string address, string subject)
    {
        var squatter = await client.SignUpAsync(address, SquatterPassword, name: "Squatter");

        // link-social refuses an unverified address now (ADR 0118), and passkey and TOTP ceremonies need an
        // authenticator; accounts from before that rule, or imported ones, are rows like these, written directly.
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContextSetup.Configure(options, database.ConnectionString);
        await using (var db = new AuthDbContext(options.Options))
        {
            var now = DateTimeOffset.UtcNow;
            db.Accounts.Add(Domain.Accounts.Account.Link(squatter.UserId, SocialProviderServer.ProviderId, idp.Provider.Issuer, subject, now));
            db.Passkeys.Add(Passkey.Register(squatter.UserId, "squatter's key", RandomNumberGenerator.GetBytes(32), [1, 2, 3, 4], 0, false, false, "usb", null, now));
            db.TwoFactorEnrolments.Add(TwoFactorEnrolment.Start(squatter.UserId, [1, 2, 3], "key-1", now));
            db.BackupCodes.AddRange(BackupCode.NewSet(squatter.UserId, now).Rows);
            db.TrustedDevices.Add(TrustedDevice.Trust(squatter.UserId, SessionToken.Generate(), TimeSpan.FromDays(30), now));
            await db.SaveChangesAsync();
        }

        // Before the owner proves the address, the squatter's provider account signs in to it.
        var before = await SocialHttp.SignInAsync(client, idp.Provider, new(subject, address, EmailVerified: false));
        Assert.NotNull(before.SessionCookie);
        foreach (var table in SquatterRows)
        {
            Assert.True(await database.ScalarAsync<int>($"select count(*)::int from {table} where user_id = $1", squatter.UserId) > 0, table);
        }

        return squatter;
    }

    private async Task AssertSquatterIsOutAsync(HttpClient client, AuthApi.SignedIn squatter, string address, string subject)
    {
        var after = await SocialHttp.SignInAsync(client, idp.Provider, new(subject, address, EmailVerified: false));
        Assert.Null(after.SessionCookie);
        Assert.Equal("null", await (await client.GetSessionAsync(squatter.Cookie, "?disableCookieCache=true")).Content.ReadAsStringAsync());
        foreach (var table in SquatterRows)
        {
            Assert.Equal(0, await database.ScalarAsync<int>($"select count(*)::int from {table} where user_id = $1", squatter.UserId));
        }

        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from sessions where user_id = $1 and revoked_at is null", squatter.UserId));
    }
}
