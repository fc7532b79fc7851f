using System.Net;
using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Security.Tests;

/// <summary>OWASP "upgrading the work factor": a hash with older parameters verifies and is replaced by a current one.</summary>
[Trait("Tier", "fast")]
public sealed class Asvs05_RehashOnLogin(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_old_parameter_hash_is_upgraded_at_sign_in()
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        var older = new Argon2idHashFormat(Options.Create(new PasswordHashingOptions { MemoryKiB = 47104, Iterations = 1 }))
            .Hash(AuthApi.Password);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("update password_credentials set password_hash = $1", connection) { Parameters = { new() { Value = older } } };
            await update.ExecuteNonQueryAsync();
        }

        var response = await client.PostSignInAsync("ann@example.com", AuthApi.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await database.ScalarAsync<string>("select password_hash from password_credentials");
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", stored, StringComparison.Ordinal);
        Assert.NotEqual(older, stored);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ann@example.com", AuthApi.Password)).StatusCode);
    }
}
