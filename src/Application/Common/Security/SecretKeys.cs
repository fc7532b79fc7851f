using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AuthPlatform.Application.Common.Security;

/// <summary>The families of secrets kept encrypted at rest, each under a key of its own.</summary>
public enum EncryptedFamily
{
    SigningKeys,
    SecondFactors,
    ProviderTokens,
    WebhookSecrets,
}

/// <summary>
/// Every key the service derives from its secrets (AUTH_SECRET, AUTH_SECRETS), one derivation per named
/// purpose, so no two purposes share a key and no caller writes a derivation of its own (ADR 0124). The inputs
/// of each purpose are frozen: cookies already issued and ciphertexts and digests already stored were made
/// with them, and <c>SecretKeysTests</c> pins every purpose to a vector the replaced code computed.
/// </summary>
public static class SecretKeys
{
    private static readonly byte[] SessionDataInfoPrefix = "AuthPlatform session_data cookie v1 "u8.ToArray();
    private static readonly byte[] EncryptionKeyIdInfo = "encryption key id"u8.ToArray();

    /// <summary>
    /// The session cookie's signature key (HMAC-SHA256 of the token): the secret's UTF-8 bytes as they are,
    /// as BetterAuth signs, so its signed cookies stay valid here.
    /// </summary>
    public static byte[] CookieSignature(string secret) => Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// The session_data cookie cache's MAC key; <paramref name="version"/> (Auth:Session:CookieCache:Version) is
    /// part of it, so changing the version retires every cached cookie.
    /// </summary>
    public static byte[] SessionDataCookie(string secret, string version) =>
        Hkdf(secret, 32, salt: [], [.. SessionDataInfoPrefix, .. Encoding.UTF8.GetBytes(version)]);

    /// <summary>
    /// The AES-256-GCM key of one family of secrets at rest (ADR 0011), and its id: a separate HKDF output
    /// stored with each blob, so decryption finds the secret that made it and learns nothing about the key.
    /// </summary>
    public static (string Id, byte[] Key) Encryption(string secret, EncryptedFamily family)
    {
        var (salt, info) = family switch
        {
            EncryptedFamily.SigningKeys => ("AuthPlatform signing keys v1"u8.ToArray(), "private key encryption"u8.ToArray()),
            EncryptedFamily.SecondFactors => ("AuthPlatform second factors v1"u8.ToArray(), "totp secret encryption"u8.ToArray()),
            EncryptedFamily.ProviderTokens => ("AuthPlatform provider tokens v1"u8.ToArray(), "provider token encryption"u8.ToArray()),
            EncryptedFamily.WebhookSecrets => ("AuthPlatform webhook secrets v1"u8.ToArray(), "webhook secret encryption"u8.ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "No such family of secrets."),
        };
        return (Base64Url.EncodeToString(Hkdf(secret, 12, salt, EncryptionKeyIdInfo)), Hkdf(secret, 32, salt, info));
    }

    /// <summary>The HMAC key that turns an email into its per-account sign-in budget's row key (the current secret's).</summary>
    public static byte[] SignInThrottle(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes("sign-in-throttle:" + secret));

    /// <summary>The HMAC key that turns a limit key (route and address) into its row key in PostgreSQL (the current secret's).</summary>
    public static byte[] RequestLimit(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes("request-limit:" + secret));

    /// <summary>
    /// The HMAC key of mailed one-time codes' digests (the current secret's): six digits are a million values,
    /// so a plain digest in a database dump would give every code away; a keyed one gives none.
    /// </summary>
    public static byte[] EmailCode(string secret) =>
        Hkdf(secret, 32, salt: "AuthPlatform email codes v1"u8.ToArray(), info: "email code digest"u8.ToArray());

    /// <summary>
    /// The keys of the OAuth server's own tokens (authorization codes, refresh tokens: read by this service only,
    /// ADR 0140): an HMAC-SHA256 signing key and an AES key-wrap key, both 256 bits (the current secret's).
    /// </summary>
    public static (byte[] Signing, byte[] Encryption) OAuthServerTokens(string secret) =>
        (Hkdf(secret, 32, salt: "AuthPlatform oauth server v1"u8.ToArray(), info: "internal token signing"u8.ToArray()),
         Hkdf(secret, 32, salt: "AuthPlatform oauth server v1"u8.ToArray(), info: "internal token encryption"u8.ToArray()));

    /// <summary>The HMAC-SHA256 key of OAuth consent codes (the authorization request a consent page answers).</summary>
    public static byte[] OAuthConsentCode(string secret) =>
        Hkdf(secret, 32, salt: "AuthPlatform oauth server v1"u8.ToArray(), info: "consent code"u8.ToArray());

    private static byte[] Hkdf(string secret, int length, byte[] salt, byte[] info)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, length, salt, info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
