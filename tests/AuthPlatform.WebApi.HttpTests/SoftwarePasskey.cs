using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// A WebAuthn authenticator in software (an ES256 key), for tests that must control what a browser's
/// authenticator does not let a page choose: the flags of its authenticator data. It is stored as a passkey
/// of a user directly (registration is covered by the browser tests) and signs assertions for options the
/// service issued, with the user-verified (UV) flag set or not.
/// </summary>
internal sealed class SoftwarePasskey : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _counter;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The public key as COSE_Key (RFC 9053: kty EC2, alg ES256, crv P-256, x, y), as WebAuthn stores it.</summary>
    public byte[] CosePublicKey
    {
        get
        {
            var q = _key.ExportParameters(includePrivateParameters: false).Q;
            return [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. q.X!, 0x22, 0x58, 0x20, .. q.Y!];
        }
    }

    /// <summary>Stores this authenticator's credential as a passkey of <paramref name="userId"/>; returns the passkey's id.</summary>
    public async Task<string> StoreAsync(string connectionString, string userId, string name = "software")
    {
        var passkey = Passkey.Register(userId, name, CredentialId, CosePublicKey, counter: 0, backupEligible: false, backedUp: false, "internal", aaguid: null, DateTimeOffset.UtcNow);
        await TestRows.AddAsync(connectionString, db => db.Passkeys.Add(passkey));
        return passkey.Id;
    }

    /// <summary>The assertion (PublicKeyCredential.toJSON()) for the options the service issued, made on <paramref name="origin"/>.</summary>
    public JsonObject Assert(string optionsJson, bool userVerified, string origin = TestSettings.BaseUrl)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = options["rpId"]!.GetValue<string>();
        var clientData = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "webauthn.get",
            ["challenge"] = options["challenge"]!.GetValue<string>(),
            ["origin"] = origin,
            ["crossOrigin"] = false,
        }.ToJsonString());

        var authenticatorData = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId)).CopyTo(authenticatorData, 0);
        authenticatorData[32] = (byte)(UserPresent | (userVerified ? UserVerified : 0));
        BinaryPrimitives.WriteUInt32BigEndian(authenticatorData.AsSpan(33), ++_counter);

        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var id = Base64Url.EncodeToString(CredentialId);
        return new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["signature"] = Base64Url.EncodeToString(signature),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>Rows written straight into the test database through the service's own model (for states HTTP cannot reach quickly).</summary>
internal static class TestRows
{
    public static async Task AddAsync(string connectionString, Action<AuthDbContext> add)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContextSetup.Configure(options, connectionString);
        await using var db = new AuthDbContext(options.Options);
        add(db);
        await db.SaveChangesAsync();
    }
}
