using System.Text;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.SigningKeys;
using AuthPlatform.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The JWKS carries public members only, for every algorithm, and the database holds private keys only
/// as ciphertext that the configured secret, and no other, decrypts.
/// </summary>
[Trait("Tier", "fast")]
public sealed class KeyStorageTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k"];

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("PS256")]
    [InlineData("RS256")]
    [InlineData("EdDSA")]
    public async Task The_jwks_has_public_members_only_and_the_database_only_ciphertext(string algorithm)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Jwt:Algorithm"] = algorithm;
        var client = factory.CreatePlainClient();

        var key = Assert.Single(await client.GetJwksKeysAsync())!.AsObject();
        Assert.Empty(key.Select(m => m.Key).Intersect(PrivateMembers));
        Assert.Equal(("sig", algorithm), (key["use"]!.GetValue<string>(), key["alg"]!.GetValue<string>()));

        var row = await ReadKeyRowAsync();
        Assert.Empty(JsonNode.Parse(row.PublicJwk)!.AsObject().Select(m => m.Key).Intersect(PrivateMembers));
        var stored = Encoding.Latin1.GetString(row.Encrypted);
        Assert.DoesNotContain("PRIVATE KEY", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", stored, StringComparison.Ordinal);

        // Decryptable with the configured secret, and the plain key appears nowhere in the table.
        var signingKey = SigningKey.Create(row.Id, Enum.Parse<SigningAlgorithm>(algorithm), row.PublicJwk, row.Encrypted, row.EncryptionKeyId, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.True(Encryption(TestSettings.Secret).TryDecrypt(signingKey, out var plain));
        Assert.True(plain.Length >= 32);
        var rowText = Encoding.UTF8.GetString(row.WholeRow);
        foreach (var form in new[] { Convert.ToHexString(plain).ToLowerInvariant(), Convert.ToBase64String(plain), System.Buffers.Text.Base64Url.EncodeToString(plain) })
        {
            Assert.DoesNotContain(form[..40], rowText, StringComparison.Ordinal);
        }

        Assert.False(Encryption(TestSettings.OtherSecret).TryDecrypt(signingKey, out _));
    }

    private static SigningKeyEncryption Encryption(string secret) =>
        new(Options.Create(new AuthOptions { Secret = secret }));

    /// <summary>The key row, and the whole row as PostgreSQL prints it (bytea as hex), to search for plain key material.</summary>
    private async Task<(string Id, string PublicJwk, byte[] Encrypted, string EncryptionKeyId, byte[] WholeRow)> ReadKeyRowAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select id, public_jwk, encrypted_private_key, encryption_key_id, convert_to(t::text, 'UTF8') from signing_keys t", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), (byte[])reader[2], reader.GetString(3), (byte[])reader[4]);
    }
}
