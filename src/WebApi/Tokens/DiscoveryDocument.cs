using AuthPlatform.Infrastructure.OAuthServer;

namespace AuthPlatform.WebApi.Tokens;

/// <summary>
/// Where the discovery document and the JWKS are. The document itself is the OAuth server's (OpenIddict,
/// ADR 0140; its jwks_uri and algorithms come from the key ring in KeyRingHandlers).
/// </summary>
public static class DiscoveryDocument
{
    public const string JwksPath = KeyRingHandlers.AdvertiseKeyRing.JwksPath;
    public const string Path = "/.well-known/openid-configuration";
}
