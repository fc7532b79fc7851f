using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.SigningKeys;
using BenchmarkDotNet.Attributes;

namespace AuthPlatform.Benchmarks;

/// <summary>
/// The signature of one access token per algorithm: what /token and get-session's set-auth-jwt pay per
/// request on top of the session check (the claims are written and encoded in well under a microsecond).
/// </summary>
public class JwtSigningBenchmarks
{
    private static readonly byte[] SigningInput = Encoding.ASCII.GetBytes(
        "eyJhbGciOiJFUzI1NiIsImtpZCI6IngiLCJ0eXAiOiJhdCtqd3QifQ.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOlsiaHR0cHM6Ly9hcGkuZXhhbXBsZS5jb20iXSwic3ViIjoidVJhTks4VkNhQlhyaW82c2RIckd0eUhXZXA3SFVUUU0iLCJpYXQiOjE3NjM4NjAwMDAsIm5iZiI6MTc2Mzg2MDAwMCwiZXhwIjoxNzYzODYwOTAwLCJqdGkiOiJhYmNkZWZnaGlqa2xtbm9wIiwic2lkIjoiMG00eWhhUnlOSDNTREFUTll6NU9BNUF1Qk4yV1N3cDkiLCJlbWFpbCI6ImFubkBleGFtcGxlLmNvbSIsImVtYWlsX3ZlcmlmaWVkIjpmYWxzZSwibmFtZSI6IkFubiJ9");

    private readonly byte[] _signature = new byte[512];
    private JwsSigningKey _key = null!;

    [Params(SigningAlgorithm.ES256, SigningAlgorithm.ES384, SigningAlgorithm.ES512, SigningAlgorithm.PS256, SigningAlgorithm.RS256, SigningAlgorithm.EdDSA)]
    public SigningAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] privateKey = Algorithm switch
        {
            SigningAlgorithm.ES256 => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(),
            SigningAlgorithm.ES384 => ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKey(),
            SigningAlgorithm.ES512 => ECDsa.Create(ECCurve.NamedCurves.nistP521).ExportPkcs8PrivateKey(),
            SigningAlgorithm.PS256 or SigningAlgorithm.RS256 => RSA.Create(SigningKeyGenerator.RsaKeySize).ExportPkcs8PrivateKey(),
            _ => RandomNumberGenerator.GetBytes(32), // the raw Ed25519 seed
        };
        _key = JwsSigningKey.Create("bench", Algorithm, privateKey);
    }

    [Benchmark]
    public int Sign() => _key.Sign(SigningInput, _signature);
}
