using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.4.3: a password change ends every other session by default (BetterAuth keeps them unless
/// asked) and rotates the current one: its old token stops working and a new token and cookie are issued.
/// Password reset does not exist yet; docs/security.md records it as the one open part of this item.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs17_PasswordChangeRevokes(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task By_default_other_sessions_end_and_the_current_one_is_rotated()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var laptop = await client.SignUpAsync();
        var phone = await client.SignInAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", laptop.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "a brand new passphrase" }));
        var rotated = await AuthApi.ReadSignedInAsync(response);

        Assert.NotEqual(laptop.Token, rotated.Token);
        Assert.Equal(laptop.UserId, rotated.UserId);
        Assert.StartsWith(rotated.Token + ".", response.Header("set-auth-token"), StringComparison.Ordinal);
        await (await client.ListSessionsAsync(laptop.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await client.ListSessionsAsync(phone.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(rotated.Cookie)).StatusCode);
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*) from sessions where revocation_reason = 'PasswordChanged'"));
    }

    [Fact]
    public async Task With_revoke_other_sessions_false_the_others_stay()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var laptop = await client.SignUpAsync();
        var phone = await client.SignInAsync();

        var rotated = await AuthApi.ReadSignedInAsync(await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", laptop.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "a brand new passphrase", revokeOtherSessions = false })));

        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(phone.Cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(rotated.Cookie)).StatusCode);
        await (await client.ListSessionsAsync(laptop.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
