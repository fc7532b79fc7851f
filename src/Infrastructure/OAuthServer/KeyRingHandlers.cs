using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// Where OpenIddict meets the signing key ring (ADR 0140): the tokens other parties verify (access and ID
/// tokens) are signed by the ring's active key, the tokens only this server reads (codes, refresh tokens) by
/// the key derived from the service's secret; validation trusts the published JWKS; discovery points at it.
/// </summary>
public static class KeyRingHandlers
{
    public static IEnumerable<OpenIddictServerHandlerDescriptor> All =>
    [
        SignWithKeyRing.Descriptor,
        TrustKeyRing.Descriptor,
        AdvertiseKeyRing.Descriptor,
    ];

    /// <summary>
    /// Access and ID tokens: signed by the ring's active key, whatever OpenIddict picked. Every token's "iss" is
    /// the configured issuer exactly as the /token JWTs carry it (OpenIddict would write the URI's normalized
    /// form, with a trailing slash, which verifiers comparing strings refuse).
    /// </summary>
    public sealed class SignWithKeyRing(KeyRingCredentials ring, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        private readonly string _issuer = jwt.Value.IssuerFor(auth.Value);

        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<SignWithKeyRing>()
                .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            context.Principal.SetClaim(Claims.Private.Issuer, _issuer);
            if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
            {
                context.SigningCredentials = ring.Current()
                    ?? throw new SigningKeyUnavailableException("No signing key that can sign OAuth tokens is active (EdDSA cannot; see ADR 0140).");
            }

            return default;
        }
    }

    /// <summary>Validation (introspection, revocation, id_token_hint): the published keys besides the secret-derived one.</summary>
    public sealed class TrustKeyRing(KeyRingCredentials ring) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<TrustKeyRing>()
                .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            // The parameters are this request's clone, so extending them changes nothing shared.
            var parameters = context.TokenValidationParameters;
            if (parameters is not null && !context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion))
            {
                parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. ring.PublishedKeys()];
            }

            return default;
        }
    }

    /// <summary>Discovery: the issuer as the tokens carry it; jwks_uri is the service's one JWKS; the ID token algorithms are the published ones.</summary>
    public sealed class AdvertiseKeyRing(KeyRingCredentials ring, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        private readonly string _issuer = jwt.Value.IssuerFor(auth.Value);

        public const string JwksPath = "/.well-known/jwks.json";

        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<AdvertiseKeyRing>()
                .SetOrder(int.MaxValue - 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            context.Metadata[Metadata.Issuer] = _issuer; // as the tokens carry it (see SignWithKeyRing)
            context.JsonWebKeySetEndpoint = new Uri(auth.Value.BaseOrigin + JwksPath);
            context.IdTokenSigningAlgorithms.Clear();
            foreach (var algorithm in ring.PublishedAlgorithms())
            {
                context.IdTokenSigningAlgorithms.Add(algorithm);
            }

            return default;
        }
    }
}

/// <summary>No key of the ring can sign an OAuth token now (none active, or EdDSA).</summary>
public sealed class SigningKeyUnavailableException(string message) : Exception(message);
