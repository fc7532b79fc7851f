using System.Security.Cryptography;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// The parts of OpenIddict's settings that come from the service's own configuration: the issuer (the same
/// as the /token JWTs'), the routes under the base path (BetterAuth's oauth-provider names them
/// /oauth2/authorize, /oauth2/token, ...), and the keys of the server's own tokens, derived from the secret.
/// </summary>
public sealed class OAuthServerOptionsSetup(IOptions<AuthOptions> auth, IOptions<JwtOptions> jwt, IOptions<OAuthServerOptions> oauth)
    : IConfigureOptions<OpenIddictServerOptions>, IConfigureOptions<OpenIddictServerAspNetCoreOptions>
{
    public const string AuthorizePath = "/oauth2/authorize";
    public const string TokenPath = "/oauth2/token";
    public const string UserInfoPath = "/oauth2/userinfo";
    public const string IntrospectPath = "/oauth2/introspect";
    public const string RevokePath = "/oauth2/revoke";
    public const string EndSessionPath = "/oauth2/end-session";
    public const string DeviceAuthorizationPath = "/oauth2/device-authorization";
    public const string DeviceVerificationPath = "/oauth2/device";
    public const string RegisterPath = "/oauth2/register";

    public void Configure(OpenIddictServerOptions options)
    {
        var settings = auth.Value;
        options.Issuer = new Uri(jwt.Value.IssuerFor(settings));

        // Relative to the issuer's origin, without the leading slash (OpenIddict's form for relative URIs).
        Uri Route(string path) => new((settings.BasePath.TrimEnd('/') + path).TrimStart('/'), UriKind.Relative);
        options.ConfigurationEndpointUris.Add(new Uri(".well-known/openid-configuration", UriKind.Relative));
        options.ConfigurationEndpointUris.Add(new Uri(".well-known/oauth-authorization-server", UriKind.Relative));
        options.AuthorizationEndpointUris.Add(Route(AuthorizePath));
        options.TokenEndpointUris.Add(Route(TokenPath));
        options.UserInfoEndpointUris.Add(Route(UserInfoPath));
        options.IntrospectionEndpointUris.Add(Route(IntrospectPath));
        options.RevocationEndpointUris.Add(Route(RevokePath));
        options.EndSessionEndpointUris.Add(Route(EndSessionPath));
        options.DeviceAuthorizationEndpointUris.Add(Route(DeviceAuthorizationPath));

        // The first verification URI is the one a device shows its user (verification_uri): the frontend's page when
        // there is one; the service's own route, which that page calls, is served either way.
        if (!string.IsNullOrWhiteSpace(oauth.Value.DevicePage))
        {
            options.EndUserVerificationEndpointUris.Add(new Uri(oauth.Value.DevicePage.Trim(), UriKind.Absolute));
        }

        options.EndUserVerificationEndpointUris.Add(Route(DeviceVerificationPath));

        // Tokens others verify live as long as the /token JWTs: the key ring keeps a retired key published for
        // exactly that long after an emergency rotation (JwtOptions.TokenValidity), and no longer.
        options.AccessTokenLifetime = jwt.Value.ExpiresIn;
        options.IdentityTokenLifetime = jwt.Value.ExpiresIn;

        // A refresh token works once: any reuse revokes its whole family (OpenIddict's default leeway of 30 s,
        // for clients that refresh concurrently, would let a stolen token be replayed within it).
        options.RefreshTokenReuseLeeway = TimeSpan.Zero;

        // PKCE with S256 only (OAuth 2.1): "plain" gives an eavesdropper the verifier.
        options.CodeChallengeMethods.Clear();
        options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);

        var (signing, encryption) = SecretKeys.OAuthServerTokens(settings.SecretRing[0]);
        options.SigningCredentials.Add(new SigningCredentials(new SymmetricSecurityKey(signing), SecurityAlgorithms.HmacSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(new SymmetricSecurityKey(encryption),
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));

        // OpenIddict refuses to start without an asymmetric signing key. Access and ID tokens are signed by the
        // key ring (KeyRingHandlers), so this one only satisfies that check: it is never published, and its
        // private half lives in this process only.
        options.SigningCredentials.Add(new SigningCredentials(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), SecurityAlgorithms.EcdsaSha256));
    }

    public void Configure(OpenIddictServerAspNetCoreOptions options) =>
        // Behind plain http only in development and tests; a production base URL is https (AuthOptions' validator).
        options.DisableTransportSecurityRequirement = auth.Value.BaseUri.Scheme == Uri.UriSchemeHttp;
}
