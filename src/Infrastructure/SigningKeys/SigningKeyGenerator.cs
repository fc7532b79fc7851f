using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Domain.SigningKeys;
using NSec.Cryptography;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// New key pairs from the CSPRNG: EC P-256/P-384/P-521, RSA 2048, Ed25519 (libsodium through NSec).
/// The public key is kept as the canonical JWK of RFC 7638 (required members, sorted, no whitespace),
/// so the kid is simply base64url(SHA-256(PublicJwk)). The private key leaves only encrypted.
/// </summary>
public sealed class SigningKeyGenerator(SigningKeyEncryption encryption) : ISigningKeyFactory
{
    public const int RsaKeySize = 2048;

    public NewSigningKeyMaterial Generate(SigningAlgorithm algorithm)
    {
        var (publicJwk, privateKey) = algorithm switch
        {
            SigningAlgorithm.ES256 => Ec(ECCurve.NamedCurves.nistP256, "P-256"),
            SigningAlgorithm.ES384 => Ec(ECCurve.NamedCurves.nistP384, "P-384"),
            SigningAlgorithm.ES512 => Ec(ECCurve.NamedCurves.nistP521, "P-521"),
            SigningAlgorithm.PS256 or SigningAlgorithm.RS256 => Rsa(),
            SigningAlgorithm.EdDSA => Ed25519(),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
        };

        try
        {
            var keyId = Thumbprint(publicJwk);
            return new NewSigningKeyMaterial(keyId, publicJwk, encryption.Encrypt(privateKey, keyId, algorithm), encryption.CurrentEncryptionKeyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>RFC 7638 thumbprint of a canonical JWK.</summary>
    public static string Thumbprint(string canonicalJwk) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));

    private static (string, byte[]) Ec(ECCurve curve, string curveName)
    {
        using var ecdsa = ECDsa.Create(curve);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var jwk = $"{{\"crv\":\"{curveName}\",\"kty\":\"EC\",\"x\":\"{B64(parameters.Q.X!)}\",\"y\":\"{B64(parameters.Q.Y!)}\"}}";
        return (jwk, ecdsa.ExportPkcs8PrivateKey());
    }

    private static (string, byte[]) Rsa()
    {
        using var rsa = RSA.Create(RsaKeySize);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = $"{{\"e\":\"{B64(parameters.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{B64(parameters.Modulus!)}\"}}";
        return (jwk, rsa.ExportPkcs8PrivateKey());
    }

    private static (string, byte[]) Ed25519()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var jwk = $"{{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"{B64(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))}\"}}";
        return (jwk, key.Export(KeyBlobFormat.RawPrivateKey));
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
