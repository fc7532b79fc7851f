namespace AuthPlatform.Domain.SigningKeys;

/// <summary>
/// The JWS algorithms a signing key can be made for. One algorithm per key (RFC 8725 §3.1): a key's
/// algorithm is fixed when it is created and published with it in the JWKS.
/// </summary>
public enum SigningAlgorithm
{
    /// <summary>ECDSA P-256 with SHA-256: the default, verified by .NET, jose and PyJWT alike.</summary>
    ES256,

    /// <summary>ECDSA P-384 with SHA-384.</summary>
    ES384,

    /// <summary>ECDSA P-521 with SHA-512.</summary>
    ES512,

    /// <summary>RSASSA-PSS 2048-bit with SHA-256.</summary>
    PS256,

    /// <summary>RSASSA-PKCS1-v1_5 2048-bit with SHA-256 (widest support; not recommended as a default).</summary>
    RS256,

    /// <summary>Ed25519. Microsoft.IdentityModel cannot verify it; jose and PyJWT can.</summary>
    EdDSA,
}

public static class SigningAlgorithms
{
    public static IReadOnlyList<SigningAlgorithm> All { get; } = Enum.GetValues<SigningAlgorithm>();

    /// <summary>The "alg" value in JOSE headers and JWKs (identical to the enum name).</summary>
    public static string JoseName(this SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.ES256 => "ES256",
        SigningAlgorithm.ES384 => "ES384",
        SigningAlgorithm.ES512 => "ES512",
        SigningAlgorithm.PS256 => "PS256",
        SigningAlgorithm.RS256 => "RS256",
        SigningAlgorithm.EdDSA => "EdDSA",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };

    /// <summary>Parses a JOSE name exactly (case-sensitive, as JOSE names are).</summary>
    public static bool TryParse(string? name, out SigningAlgorithm algorithm)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.JoseName(), name, StringComparison.Ordinal))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = default;
        return false;
    }
}
