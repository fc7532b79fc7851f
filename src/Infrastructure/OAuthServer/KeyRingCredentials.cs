using System.Text;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.SigningKeys;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// The signing key ring as the OAuth server's JWT library sees it: the credentials of the key that signs now,
/// and the public keys of the JWKS. Both are read from the ring on every use and rebuilt only when the ring's
/// view changes (a rotation, another instance's change), so the OAuth server follows rotation with no restart
/// and no configuration of its own (ADR 0140).
/// </summary>
public sealed class KeyRingCredentials(SigningKeyRing ring)
{
    private Signing? _signing;
    private Published? _published;

    /// <summary>The credentials of the active key; null when no key is active or it is EdDSA (not signable here).</summary>
    public SigningCredentials? Current()
    {
        if (ring.ActiveSigningKey() is not { } key)
        {
            return null;
        }

        if (_signing is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Credentials;
        }

        var credentials = key.IdentityModelKey is { } securityKey ? new SigningCredentials(securityKey, key.Algorithm.JoseName()) : null;
        _signing = new Signing(key, credentials);
        return credentials;
    }

    /// <summary>The public keys of the published JWKS: what verifies the tokens this server hands back (introspection, id_token_hint).</summary>
    public IReadOnlyList<SecurityKey> PublishedKeys()
    {
        if (ring.Jwks is not { } jwks)
        {
            return [];
        }

        if (_published is { } cached && ReferenceEquals(cached.Source, jwks))
        {
            return cached.Keys;
        }

        var keys = new JsonWebKeySet(Encoding.UTF8.GetString(jwks.Json.Span)).Keys
            .Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA)
            .Cast<SecurityKey>()
            .ToList();
        _published = new Published(jwks, keys);
        return keys;
    }

    /// <summary>The algorithms of the published keys, for the discovery document.</summary>
    public IReadOnlyList<string> PublishedAlgorithms() => ring.Jwks?.Algorithms ?? [];

    private sealed record Signing(JwsSigningKey Key, SigningCredentials? Credentials);

    private sealed record Published(JwksDocument Source, IReadOnlyList<SecurityKey> Keys);
}
