using System.Net.Http.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>An unknown email and a wrong password are indistinguishable: same status, same bytes, same work.</summary>
[Trait("Tier", "fast")]
public sealed class EnumerationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_byte_identical_401s_and_one_hash_each()
    {
        var counter = new CountingHasher();
        await using var factory = new AuthApiFactory(database.ConnectionString)
        {
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(sp => counter.Wrap(sp))),
        };
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();

        counter.Reset();
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "ann@example.com", password = "not the password" });
        var wrongPasswordHashes = counter.Verifications;

        counter.Reset();
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "nobody@example.com", password = "not the password" });
        var unknownEmailHashes = counter.Verifications;

        Assert.Equal(401, (int)wrongPassword.StatusCode);
        Assert.Equal(401, (int)unknownEmail.StatusCode);
        Assert.Equal(await wrongPassword.Content.ReadAsByteArrayAsync(), await unknownEmail.Content.ReadAsByteArrayAsync());
        Assert.Equal("INVALID_EMAIL_OR_PASSWORD", (await unknownEmail.JsonAsync())!["code"]!.GetValue<string>());
        Assert.Equal(
            wrongPassword.Headers.Where(h => h.Key != "X-Request-Id").Select(h => h.Key).Order(),
            unknownEmail.Headers.Where(h => h.Key != "X-Request-Id").Select(h => h.Key).Order());
        Assert.Equal(1, wrongPasswordHashes);
        Assert.Equal(1, unknownEmailHashes);
    }

    /// <summary>The real hasher, counted: proves the unknown-email path pays for a hash too.</summary>
    private sealed class CountingHasher
    {
        private int _verifications;

        public int Verifications => _verifications;

        public void Reset() => _verifications = 0;

        public IPasswordHasher Wrap(IServiceProvider services)
        {
            var real = ActivatorUtilities.CreateInstance<Infrastructure.Passwords.PasswordHasher>(services);
            return new Counted(real, this);
        }

        private sealed class Counted(IPasswordHasher inner, CountingHasher owner) : IPasswordHasher
        {
            public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => inner.HashAsync(password, cancellationToken);

            public ValueTask<PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._verifications);
                return inner.VerifyAsync(password, storedHash, cancellationToken);
            }

            public ValueTask<PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._verifications);
                return inner.VerifyAgainstDummyAsync(password, cancellationToken);
            }
        }
    }
}
