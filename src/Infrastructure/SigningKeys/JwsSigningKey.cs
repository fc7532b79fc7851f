using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.SigningKeys;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// A decrypted signing key held in memory, ready to sign with no further work: its protected header
/// ({"alg","kid","typ":"at+jwt"}) is encoded once. Created when the ring loads, never per request.
/// Not disposable on purpose: a request may still be signing with a key the ring has just replaced,
/// and a key lives at most as long as its rotation period anyway.
/// </summary>
public abstract class JwsSigningKey
{
    public const string TokenType = "at+jwt";

    protected JwsSigningKey(string keyId, SigningAlgorithm algorithm, int signatureLength)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        SignatureLength = signatureLength;
        EncodedHeader = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes($"{{\"alg\":\"{algorithm.JoseName()}\",\"kid\":\"{keyId}\",\"typ\":\"{TokenType}\"}}")));
    }

    public string KeyId { get; }

    public SigningAlgorithm Algorithm { get; }

    /// <summary>Bytes of the signature (fixed for every algorithm here).</summary>
    public int SignatureLength { get; }

    /// <summary>The base64url-encoded protected header, ASCII.</summary>
    public byte[] EncodedHeader { get; }

    /// <summary>Signs <paramref name="signingInput"/> ("header.payload", ASCII) into <paramref name="signature"/>; returns the bytes written.</summary>
    public abstract int Sign(ReadOnlySpan<byte> signingInput, Span<byte> signature);

    /// <summary>
    /// The same key as Microsoft.IdentityModel sees it, for the OAuth server's JWT writer (ADR 0140); null for
    /// EdDSA, which that library cannot sign with. Made once per key, on first use.
    /// </summary>
    public virtual SecurityKey? IdentityModelKey => null;

    /// <summary>Builds the in-memory key from its decrypted private key (PKCS#8, or the raw Ed25519 seed).</summary>
    public static JwsSigningKey Create(string keyId, SigningAlgorithm algorithm, byte[] privateKey) => algorithm switch
    {
        SigningAlgorithm.ES256 => new EcdsaKey(keyId, algorithm, privateKey, HashAlgorithmName.SHA256, 64),
        SigningAlgorithm.ES384 => new EcdsaKey(keyId, algorithm, privateKey, HashAlgorithmName.SHA384, 96),
        SigningAlgorithm.ES512 => new EcdsaKey(keyId, algorithm, privateKey, HashAlgorithmName.SHA512, 132),
        SigningAlgorithm.PS256 => new RsaKey(keyId, algorithm, privateKey, RSASignaturePadding.Pss),
        SigningAlgorithm.RS256 => new RsaKey(keyId, algorithm, privateKey, RSASignaturePadding.Pkcs1),
        SigningAlgorithm.EdDSA => new Ed25519Key(keyId, privateKey),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };

    /// <summary>
    /// ECDsa and RSA instances are not documented as safe for concurrent use, so each signing call rents
    /// one from a small pool (grown on demand, one per concurrent caller at most).
    /// </summary>
    private abstract class PooledKey<T>(string keyId, SigningAlgorithm algorithm, int signatureLength, byte[] pkcs8) : JwsSigningKey(keyId, algorithm, signatureLength)
        where T : AsymmetricAlgorithm
    {
        private readonly ConcurrentBag<T> _pool = [];
        private readonly byte[] _pkcs8 = pkcs8;
        private SecurityKey? _identityModelKey;

        // A dedicated instance: the library signs on it from any thread, as it does with its own keys.
        public sealed override SecurityKey IdentityModelKey => _identityModelKey ??= Wrap(Load(_pkcs8));

        protected abstract SecurityKey Wrap(T instance);

        public sealed override int Sign(ReadOnlySpan<byte> signingInput, Span<byte> signature)
        {
            if (!_pool.TryTake(out var instance))
            {
                instance = Load(_pkcs8);
            }

            try
            {
                return Sign(instance, signingInput, signature);
            }
            finally
            {
                _pool.Add(instance);
            }
        }

        protected abstract T Load(byte[] pkcs8);

        protected abstract int Sign(T instance, ReadOnlySpan<byte> signingInput, Span<byte> signature);
    }

    private sealed class EcdsaKey(string keyId, SigningAlgorithm algorithm, byte[] pkcs8, HashAlgorithmName hash, int signatureLength)
        : PooledKey<ECDsa>(keyId, algorithm, signatureLength, pkcs8)
    {
        protected override SecurityKey Wrap(ECDsa instance) => new ECDsaSecurityKey(instance) { KeyId = KeyId };

        protected override ECDsa Load(byte[] pkcs8)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return ecdsa;
        }

        // JWS wants the fixed-size r||s form (RFC 7518 §3.4), not DER.
        protected override int Sign(ECDsa instance, ReadOnlySpan<byte> signingInput, Span<byte> signature) =>
            instance.TrySignData(signingInput, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
                ? written
                : throw new CryptographicException("The ECDSA signature did not fit its buffer.");
    }

    private sealed class RsaKey(string keyId, SigningAlgorithm algorithm, byte[] pkcs8, RSASignaturePadding padding)
        : PooledKey<RSA>(keyId, algorithm, SigningKeyGenerator.RsaKeySize / 8, pkcs8)
    {
        protected override SecurityKey Wrap(RSA instance) => new RsaSecurityKey(instance) { KeyId = KeyId };

        protected override RSA Load(byte[] pkcs8)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return rsa;
        }

        // PSS in .NET uses a salt as long as the hash, which is what PS256 requires (RFC 7518 §3.5).
        protected override int Sign(RSA instance, ReadOnlySpan<byte> signingInput, Span<byte> signature) =>
            instance.TrySignData(signingInput, signature, HashAlgorithmName.SHA256, padding, out var written)
                ? written
                : throw new CryptographicException("The RSA signature did not fit its buffer.");
    }

    private sealed class Ed25519Key : JwsSigningKey
    {
        private readonly NSec.Cryptography.Key _key;

        public Ed25519Key(string keyId, byte[] seed)
            : base(keyId, SigningAlgorithm.EdDSA, 64)
        {
            _key = NSec.Cryptography.Key.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, seed, NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
            CryptographicOperations.ZeroMemory(seed);
        }

        public override int Sign(ReadOnlySpan<byte> signingInput, Span<byte> signature)
        {
            NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(_key, signingInput, signature[..64]);
            return 64;
        }
    }
}
