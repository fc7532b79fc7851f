using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 6.1.1 / hashing as a resource: huge passwords never reach the hasher, and hashing runs on a
/// bounded pool (one worker per core, at a lower scheduling priority) whose full queue answers 503 with Retry-After at once.
/// What must hold while 200 clients sign in at once is in <see cref="Asvs10_GetSessionUnderSignInLoad"/>; the latency is build/sign-in-load.sh.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs10_HashingCost(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_one_mebibyte_password_is_refused_before_parsing_and_a_ten_kilobyte_one_before_hashing()
    {
        var counter = new CountingHasher();
        await using var factory = SecurityHost.Create(database, services: counter.Install);
        var client = factory.CreatePlainClient();

        var mebibyte = await client.PostAsync("/api/auth/sign-in/email", AuthApi.Json("{\"email\":\"ann@example.com\",\"password\":\"" + new string('p', 1024 * 1024) + "\"}"));
        var tenKilobytes = await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "ann@example.com", password = new string('p', 10 * 1024) });
        var signUp = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email = "ann@example.com", password = new string('p', 10 * 1024) });

        await mebibyte.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        await tenKilobytes.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_LONG");
        await signUp.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_LONG");
        Assert.Equal(0, counter.Hashes);
    }

    [Fact]
    public async Task When_every_worker_is_busy_and_the_queue_is_full_sign_ins_get_a_fast_503()
    {
        await using var factory = SecurityHost.Create(database);
        factory.Settings["Auth:PasswordHashing:Workers"] = "1";
        factory.Settings["Auth:PasswordHashing:QueueLength"] = "2";
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var attempts = Enumerable.Range(0, 40).Select(_ => client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "ann@example.com", password = "not the password" }));
        var responses = await Task.WhenAll(attempts);
        var sessionCheck = await client.GetSessionAsync(session.Cookie);

        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable, $"unexpected {(int)r.StatusCode}"));
        Assert.NotEmpty(busy);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Unauthorized);
        await busy[0].AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.Equal("1", busy[0].Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, sessionCheck.StatusCode);
        Assert.NotEqual("null", await sessionCheck.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_pool_has_one_worker_per_core_by_default()
    {
        using var hasher = new Infrastructure.Passwords.BoundedPasswordHasher(
            new CountingInner(), Microsoft.Extensions.Options.Options.Create(new Infrastructure.Passwords.PasswordHashingQueueOptions()));

        Assert.Equal(Environment.ProcessorCount, hasher.Workers);
    }

    private sealed class CountingInner : Application.Common.Interfaces.IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => ValueTask.FromResult("x");

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);
    }
}
