using System.Text;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// Identity providers' tokens at rest, the way signing keys and second-factor secrets are kept (ADR 0011),
/// in a <see cref="SecretBox"/> with their own salt so the key families never coincide. The three tokens
/// are sealed together as one JSON document; the account row's id is authenticated as associated data, so
/// a ciphertext copied to another row does not decrypt.
/// </summary>
public sealed class ProviderTokenEncryption(IOptions<AuthOptions> options) : IProviderTokenProtector
{
    private readonly SecretBox _box = new(options.Value.SecretRing, EncryptedFamily.ProviderTokens, "identity provider tokens");

    public string CurrentKeyId => _box.CurrentKeyId;

    public byte[] Protect(ProviderTokenSet tokens, string accountId) =>
        _box.Seal(JsonSerializer.SerializeToUtf8Bytes(new Sealed(tokens.AccessToken, tokens.RefreshToken, tokens.IdToken)), AssociatedData(accountId));

    public ProviderTokenSet? Unprotect(byte[] blob, string keyId, string accountId)
    {
        if (!_box.TryOpen(blob, keyId, AssociatedData(accountId), out var plain))
        {
            return null;
        }

        var tokens = JsonSerializer.Deserialize<Sealed>(plain);
        return tokens is null ? null : new ProviderTokenSet(tokens.A, tokens.R, tokens.I, null, null, null);
    }

    private static byte[] AssociatedData(string accountId) => Encoding.UTF8.GetBytes($"AuthPlatform provider tokens of account {accountId}");

    private sealed record Sealed(string? A, string? R, string? I);
}
