using System.Collections.Immutable;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.SignInPipeline;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// What discovery says beyond OpenIddict's own members: the acr values the ID tokens carry (decided by the sign-in
/// policy, <see cref="SignInPolicy.AuthenticationContextOf"/>), so a client can ask for two factors by name; and,
/// only when the operator allows dynamic client registration, its endpoint (RFC 8414 registration_endpoint).
/// </summary>
public static class DiscoveryHandlers
{
    public static IEnumerable<OpenIddictServerHandlerDescriptor> All => [AdvertiseAuthenticationContexts.Descriptor, AdvertiseRegistration.Descriptor];

    public sealed class AdvertiseAuthenticationContexts : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<AdvertiseAuthenticationContexts>()
                .SetOrder(int.MaxValue - 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            context.Metadata[Metadata.AcrValuesSupported] = ImmutableArray.Create<string?>(SignInPolicy.MultiFactorContext, SignInPolicy.SingleFactorContext);
            return default;
        }
    }

    public sealed class AdvertiseRegistration(IOptions<OAuthServerOptions> oauth, IOptions<AuthOptions> auth) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<AdvertiseRegistration>()
                .SetOrder(int.MaxValue - 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            if (oauth.Value.AllowDynamicClientRegistration)
            {
                context.Metadata["registration_endpoint"] =
                    auth.Value.BaseOrigin + auth.Value.BasePath.TrimEnd('/') + OAuthServerOptionsSetup.RegisterPath;
            }

            return default;
        }
    }
}
