using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// Private keys at rest in a <see cref="SecretBox"/> (ADR 0011). Each stored key records the id of the
/// derived key that encrypted it, which lets decryption pick the right secret after a rotation. The kid
/// and algorithm are authenticated as associated data, so a ciphertext cannot be moved to another row.
/// </summary>
public sealed class SigningKeyEncryption(IOptions<AuthOptions> options) : ISigningKeyProtector
{
    private readonly SecretBox _box = new(options.Value.SecretRing, EncryptedFamily.SigningKeys, "signing keys");

    public string CurrentEncryptionKeyId => _box.CurrentKeyId;

    /// <summary>Encrypts a private key (PKCS#8 or raw Ed25519 seed) under the current secret.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> privateKey, string keyId, SigningAlgorithm algorithm) =>
        _box.Seal(privateKey, AssociatedData(keyId, algorithm));

    /// <summary>The private key of <paramref name="key"/>, or false when no configured secret made its ciphertext or it fails authentication.</summary>
    public bool TryDecrypt(SigningKey key, out byte[] privateKey) =>
        _box.TryOpen(key.EncryptedPrivateKey, key.EncryptionKeyId, AssociatedData(key.Id, key.Algorithm), out privateKey);

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

    private static byte[] AssociatedData(string keyId, SigningAlgorithm algorithm) =>
        Encoding.UTF8.GetBytes($"AuthPlatform signing key {keyId} {algorithm.JoseName()}");
}
