using System.Security.Cryptography;
using System.Text;

namespace AuthPlatform.Domain.Common;

/// <summary>
/// The lookup key stored for an opaque token instead of the token: SHA-256 of its ASCII characters. One
/// place for every kind (session tokens and the authorization states minted like them, one-time mail
/// tokens, backup codes; API keys later): the stored digests depend on it, so it must never differ between
/// them or change. The tokens are random and long (or, for backup codes, few and rate limited), so a plain
/// hash suffices; no salt or stretching.
/// </summary>
public static class OpaqueTokenDigest
{
    private const int StackLimit = 256;

    public static byte[] Of(ReadOnlySpan<char> token)
    {
        Span<byte> ascii = token.Length <= StackLimit ? stackalloc byte[token.Length] : new byte[token.Length];
        var written = Encoding.ASCII.GetBytes(token, ascii);
        return SHA256.HashData(ascii[..written]);
    }
}
