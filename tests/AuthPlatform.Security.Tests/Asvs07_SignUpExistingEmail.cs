using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 6.3.8 at registration. Decision (docs/security.md, "Sign-up with a registered email"): without
/// email verification a sign-up must sign the user in, so an existing email is answered 422
/// USER_ALREADY_EXISTS, as BetterAuth does; the answer costs the same hash as a real sign-up (no timing
/// channel), writes nothing and signs no one in, and the channel is throttled by the per-IP sign-up limit.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs07_SignUpExistingEmail(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_existing_email_is_422_changes_nothing_and_costs_one_hash_like_a_new_sign_up()
    {
        var counter = new CountingHasher();
        await using var factory = SecurityHost.Create(database, services: counter.Install);
        var client = factory.CreatePlainClient();
        counter.Reset();
        await client.SignUpAsync();
        var freshSignUpHashes = counter.Hashes;
        var hashBefore = await database.ScalarAsync<string>("select password_hash from password_credentials");

        counter.Reset();
        var response = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Mallory", email = "ANN@example.com", password = "another long passphrase" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "USER_ALREADY_EXISTS");
        Assert.Null(AuthApi.SessionSetCookie(response));
        Assert.Equal(freshSignUpHashes, counter.Hashes);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users"));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from sessions"));
        Assert.Equal(hashBefore, await database.ScalarAsync<string>("select password_hash from password_credentials"));
        Assert.Equal("Ann", await database.ScalarAsync<string>("select name from users"));
    }
}
