using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// Who a client-credentials token speaks for: the client itself (sub = client_id). OpenIddict has already
/// authenticated the client and checked the scopes and resources it asked for against its permissions; a
/// request that names no resource gets every resource the client may use (by default the configured JWT
/// audience, which the resource servers already accept).
/// </summary>
public sealed class ClientCredentialsPrincipal(IOpenIddictApplicationManager applications)
{
    public async Task<ClaimsPrincipal?> CreateAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientId is not { } clientId || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return null;
        }

        var resources = request.GetResources();
        if (resources.IsDefaultOrEmpty)
        {
            var permissions = await applications.GetPermissionsAsync(client, cancellationToken);
            resources = [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Resource, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Resource.Length..])];
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(client, cancellationToken));
        identity.SetScopes(request.GetScopes());
        identity.SetResources(resources);
        identity.SetDestinations(static claim => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
