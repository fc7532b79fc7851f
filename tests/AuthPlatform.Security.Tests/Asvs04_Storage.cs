using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 11.4.2: passwords are stored as Argon2id PHC strings at OWASP's parameters, with a salt of their own.</summary>
[Trait("Tier", "fast")]
public sealed class Asvs04_Storage(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Hashes_are_argon2id_at_owasp_parameters_and_salted_per_user()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("ann@example.com");
        await client.SignUpAsync("bob@example.com");

        var ann = await database.ScalarAsync<string>("select c.password_hash from password_credentials c join users u on u.id = c.user_id where u.email = 'ann@example.com'");
        var bob = await database.ScalarAsync<string>("select c.password_hash from password_credentials c join users u on u.id = c.user_id where u.email = 'bob@example.com'");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", ann, StringComparison.Ordinal);
        var annParts = ann.Split('$');
        var bobParts = bob.Split('$');
        Assert.True(Convert.FromBase64String(annParts[4] + "==").Length >= 16, "salt of at least 128 bits");
        Assert.NotEqual(annParts[4], bobParts[4]);
        Assert.NotEqual(annParts[5], bobParts[5]);
        Assert.DoesNotContain(AuthApi.Password, ann, StringComparison.Ordinal);
    }
}
