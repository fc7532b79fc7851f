using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SecondFactors;

/// <summary>
/// TOTP secrets at rest, the way signing keys are kept (ADR 0011): AES-256-GCM under a key derived by
/// HKDF-SHA256 from each configured secret (current first), with its own salt so the two key families
/// never coincide. The owning user id is authenticated as associated data, so a ciphertext copied to
/// another user's row does not decrypt. Blob: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SecondFactorSecretEncryption : ISecondFactorSecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] Salt = "AuthPlatform second factors v1"u8.ToArray();
    private static readonly byte[] EncryptionInfo = "totp secret encryption"u8.ToArray();
    private static readonly byte[] IdInfo = "encryption key id"u8.ToArray();

    private readonly (string Id, byte[] Key)[] _keys;

    public SecondFactorSecretEncryption(IOptions<AuthOptions> options)
    {
        var secrets = options.Value.SecretRing;
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException("No secret is configured (AUTH_SECRET): second-factor secrets cannot be encrypted.");
        }

        _keys = secrets.Select(Derive).ToArray();
    }

    public string CurrentKeyId => _keys[0].Id;

    public byte[] Protect(ReadOnlySpan<byte> secret, string userId)
    {
        var blob = new byte[1 + NonceLength + TagLength + secret.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[0].Key, TagLength);
        aes.Encrypt(nonce, secret, blob.AsSpan(1 + NonceLength + TagLength), blob.AsSpan(1 + NonceLength, TagLength), AssociatedData(userId));
        return blob;
    }

    public bool TryUnprotect(byte[] blob, string keyId, string userId, out byte[] secret)
    {
        secret = [];
        var match = Array.FindIndex(_keys, k => k.Id == keyId);
        if (match < 0 || blob.Length <= 1 + NonceLength + TagLength || blob[0] != FormatVersion)
        {
            return false;
        }

        var plain = new byte[blob.Length - 1 - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(_keys[match].Key, TagLength);
            aes.Decrypt(blob.AsSpan(1, NonceLength), blob.AsSpan(1 + NonceLength + TagLength), blob.AsSpan(1 + NonceLength, TagLength), plain, AssociatedData(userId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        secret = plain;
        return true;
    }

    private static (string Id, byte[] Key) Derive(string secret)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, Salt, EncryptionInfo);
        var id = Base64Url.EncodeToString(HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 12, Salt, IdInfo));
        CryptographicOperations.ZeroMemory(material);
        return (id, key);
    }

    private static byte[] AssociatedData(string userId) => Encoding.UTF8.GetBytes($"AuthPlatform totp secret of {userId}");
}
