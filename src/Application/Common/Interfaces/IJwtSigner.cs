using AuthPlatform.Application.Tokens;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Signs access tokens with the key ring's active key, held decrypted in memory: no database access and
/// no key decryption per call.
/// </summary>
public interface IJwtSigner
{
    /// <summary>The compact JWS, or false when no key is active (the ring is not loaded or holds no usable key).</summary>
    bool TrySign(in AccessTokenClaims claims, out string token);
}
