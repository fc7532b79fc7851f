using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.SigningKeys;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// Private keys at rest: AES-256-GCM under a key derived by HKDF-SHA256 from each configured secret
/// (current first). Each stored key records the id of the derived key that encrypted it (a separate
/// HKDF output, so the id reveals nothing about the encryption key), which lets decryption pick the
/// right secret after a rotation. The kid and algorithm are authenticated as associated data, so a
/// ciphertext cannot be moved to another row. Blob: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SigningKeyEncryption : ISigningKeyProtector
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] Salt = "AuthPlatform signing keys v1"u8.ToArray();
    private static readonly byte[] EncryptionInfo = "private key encryption"u8.ToArray();
    private static readonly byte[] IdInfo = "encryption key id"u8.ToArray();

    private readonly (string Id, byte[] Key)[] _keys;

    public SigningKeyEncryption(IOptions<AuthOptions> options)
    {
        var secrets = options.Value.SecretRing;
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException("No secret is configured (AUTH_SECRET): signing keys cannot be encrypted.");
        }

        _keys = secrets.Select(Derive).ToArray();
    }

    public string CurrentEncryptionKeyId => _keys[0].Id;

    /// <summary>Encrypts a private key (PKCS#8 or raw Ed25519 seed) under the current secret.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> privateKey, string keyId, SigningAlgorithm algorithm)
    {
        var blob = new byte[1 + NonceLength + TagLength + privateKey.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[0].Key, TagLength);
        aes.Encrypt(nonce, privateKey, blob.AsSpan(1 + NonceLength + TagLength), blob.AsSpan(1 + NonceLength, TagLength), AssociatedData(keyId, algorithm));
        return blob;
    }

    /// <summary>The private key of <paramref name="key"/>, or false when no configured secret made its ciphertext or it fails authentication.</summary>
    public bool TryDecrypt(SigningKey key, out byte[] privateKey)
    {
        privateKey = [];
        var blob = key.EncryptedPrivateKey;
        var match = Array.FindIndex(_keys, k => k.Id == key.EncryptionKeyId);
        if (match < 0 || blob.Length <= 1 + NonceLength + TagLength || blob[0] != FormatVersion)
        {
            return false;
        }

        var plain = new byte[blob.Length - 1 - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(_keys[match].Key, TagLength);
            aes.Decrypt(blob.AsSpan(1, NonceLength), blob.AsSpan(1 + NonceLength + TagLength), blob.AsSpan(1 + NonceLength, TagLength), plain,
                AssociatedData(key.Id, key.Algorithm));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        privateKey = plain;
        return true;
    }

    public bool TryReencrypt(SigningKey key, out byte[] encryptedPrivateKey)
    {
        encryptedPrivateKey = [];
        if (!TryDecrypt(key, out var plain))
        {
            return false;
        }

        try
        {
            encryptedPrivateKey = Encrypt(plain, key.Id, key.Algorithm);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static (string Id, byte[] Key) Derive(string secret)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, Salt, EncryptionInfo);
        var id = Base64Url.EncodeToString(HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 12, Salt, IdInfo));
        CryptographicOperations.ZeroMemory(material);
        return (id, key);
    }

    private static byte[] AssociatedData(string keyId, SigningAlgorithm algorithm) =>
        Encoding.UTF8.GetBytes($"AuthPlatform signing key {keyId} {algorithm.JoseName()}");
}
