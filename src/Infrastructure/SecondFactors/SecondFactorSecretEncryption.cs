using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SecondFactors;

/// <summary>
/// TOTP secrets at rest, the way signing keys are kept (ADR 0011), in a <see cref="SecretBox"/> with its
/// own salt so the two key families never coincide. The owning user id is authenticated as associated
/// data, so a ciphertext copied to another user's row does not decrypt.
/// </summary>
public sealed class SecondFactorSecretEncryption(IOptions<AuthOptions> options) : ISecondFactorSecretProtector
{
    private readonly SecretBox _box = new(options.Value.SecretRing, EncryptedFamily.SecondFactors, "second-factor secrets");

    public string CurrentKeyId => _box.CurrentKeyId;

    public byte[] Protect(ReadOnlySpan<byte> secret, string userId) => _box.Seal(secret, AssociatedData(userId));

    public bool TryUnprotect(byte[] blob, string keyId, string userId, out byte[] secret) =>
        _box.TryOpen(blob, keyId, AssociatedData(userId), out secret);

    private static byte[] AssociatedData(string userId) => Encoding.UTF8.GetBytes($"AuthPlatform totp secret of {userId}");
}
