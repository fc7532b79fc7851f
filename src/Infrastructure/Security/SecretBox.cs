using System.Security.Cryptography;
using AuthPlatform.Application.Common.Security;

namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Secrets at rest (ADR 0011): AES-256-GCM under a key derived from each configured secret, current first
/// (<see cref="SecretKeys.Encryption"/>: HKDF-SHA256 with a salt and info per family of secrets, so the
/// families never share a key). Every blob records the id of the derived
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
    private readonly (string Id, byte[] Key)[] _keys;

    /// <param name="secrets">The configured secrets, current first.</param>
    /// <param name="family">Which family of secrets: each has its own key (<see cref="SecretKeys.Encryption"/>).</param>
    /// <param name="what">What is encrypted, for the message when no secret is configured.</param>
    public SecretBox(IReadOnlyList<string> secrets, EncryptedFamily family, string what)
    {
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException($"No secret is configured (AUTH_SECRET): {what} cannot be encrypted.");
        }

        _keys = secrets.Select(secret => SecretKeys.Encryption(secret, family)).ToArray();
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
}
