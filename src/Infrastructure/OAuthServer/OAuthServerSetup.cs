using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// The OAuth 2.1 / OpenID Connect server: OpenIddict with its stores in AuthDbContext and its tokens signed by the
/// key ring (docs/adr/0140-oauth-server-with-openiddict.md). The protocol is OpenIddict's; what is ours is
/// configured here: grants (authorization code, refresh, client credentials, device), the ring, the client secret digest and the routes' passthrough to our controllers.
/// </summary>
public static class OAuthServerSetup
{
    public static IServiceCollection AddOAuthServer(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<AuthDbContext>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, OAuthClientManager>();
            })
            .AddServer(server =>
            {
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowDeviceAuthorizationFlow()
                    .RequireProofKeyForCodeExchange();

                // RFC 9068 JWTs that any resource server verifies against the JWKS; nothing secret goes in them.
                server.DisableAccessTokenEncryption();

                // The resources (RFC 8707) a client may ask for are its own permissions, not one global list.
                server.DisableResourceValidation();

                server.RegisterScopes("openid", "profile", "email", "offline_access", OrganizationClaims.Scope);
                server.DisableScopeValidation(); // custom API scopes are granted per client (scope permissions)

                foreach (var handler in KeyRingHandlers.All.Concat(OAuthAuditHandlers.All).Concat(DevicePollingHandlers.All).Concat(DiscoveryHandlers.All).Concat(ClientAssertionHandlers.All))
                {
                    server.AddEventHandler(handler);
                }

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
            });

        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OAuthServerOptionsSetup>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerAspNetCoreOptions>, OAuthServerOptionsSetup>();
        services.AddSingleton<KeyRingCredentials>();
        services.AddScoped<IOAuthClientRegistry, OAuthClientRegistry>();
        services.AddScoped<OAuthPrincipals>();
        services.AddScoped<IOAuthConsentStore, OAuthConsentStore>();
        return services;
    }
}
