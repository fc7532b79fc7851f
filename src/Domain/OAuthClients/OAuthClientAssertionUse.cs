using System.Security.Cryptography;
using System.Text;

namespace AuthPlatform.Domain.OAuthClients;

/// <summary>
/// A client assertion (RFC 7523, private_key_jwt) that authenticated a client: the digest of its client id and
/// <c>jti</c>, kept until the assertion expires, so the same assertion cannot authenticate twice.
/// </summary>
public sealed class OAuthClientAssertionUse
{
    private OAuthClientAssertionUse()
    {
        Digest = [];
    }

    /// <summary>SHA-256 of the client id and the jti; the key, so a second use is a conflict.</summary>
    public byte[] Digest { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>
    /// The key of an assertion: its jti within its client (two clients may pick the same jti). UTF-8, not the ASCII of
    /// secret digests: a jti is the client's free text, and no two may share a key.
    /// </summary>
    public static byte[] DigestOf(string clientId, string tokenId) => SHA256.HashData(Encoding.UTF8.GetBytes(clientId + "\n" + tokenId));
}
