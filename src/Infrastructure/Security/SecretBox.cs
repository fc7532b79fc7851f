using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Secrets at rest (ADR 0011): AES-256-GCM under a key derived by HKDF-SHA256 from each configured
/// secret, current first. Each family of secrets (signing keys, second factors, provider tokens) uses
/// its own salt and info, so the families never share a key. Every blob records the id of the derived
/// key that made it (a separate HKDF output, revealing nothing about the key), so decryption picks the
/// right secret after a rotation; the caller's associated data binds a blob to its row.
/// Blob: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SecretBox
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;
    private static readonly byte[] IdInfo = "encryption key id"u8.ToArray();

    private readonly (string Id, byte[] Key)[] _keys;

    /// <param name="secrets">The configured secrets, current first.</param>
    /// <param name="salt">The HKDF salt of this family of secrets.</param>
    /// <param name="encryptionInfo">The HKDF info of this family's encryption key.</param>
    /// <param name="what">What is encrypted, for the message when no secret is configured.</param>
    public SecretBox(IReadOnlyList<string> secrets, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> encryptionInfo, string what)
    {
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException($"No secret is configured (AUTH_SECRET): {what} cannot be encrypted.");
        }

        var saltBytes = salt.ToArray();
        var infoBytes = encryptionInfo.ToArray();
        _keys = secrets.Select(secret => Derive(secret, saltBytes, infoBytes)).ToArray();
    }

    /// <summary>The id of the key derived from the current secret.</summary>
    public string CurrentKeyId => _keys[0].Id;

    public byte[] Seal(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        var blob = new byte[HeaderLength + plain.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[0].Key, TagLength);
        aes.Encrypt(nonce, plain, blob.AsSpan(HeaderLength), blob.AsSpan(1 + NonceLength, TagLength), associatedData);
        return blob;
    }

    /// <summary>False when no configured secret made the blob, or it fails authentication.</summary>
    public bool TryOpen(byte[] blob, string keyId, ReadOnlySpan<byte> associatedData, out byte[] plain)
    {
        plain = [];
        var match = Array.FindIndex(_keys, k => k.Id == keyId);
        if (match < 0 || blob.Length <= HeaderLength || blob[0] != FormatVersion)
        {
            return false;
        }

        var output = new byte[blob.Length - HeaderLength];
        try
        {
            using var aes = new AesGcm(_keys[match].Key, TagLength);
            aes.Decrypt(blob.AsSpan(1, NonceLength), blob.AsSpan(HeaderLength), blob.AsSpan(1 + NonceLength, TagLength), output, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plain = output;
        return true;
    }

    private static (string Id, byte[] Key) Derive(string secret, byte[] salt, byte[] info)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt, info);
        var id = Base64Url.EncodeToString(HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 12, salt, IdInfo));
        CryptographicOperations.ZeroMemory(material);
        return (id, key);
    }
}
