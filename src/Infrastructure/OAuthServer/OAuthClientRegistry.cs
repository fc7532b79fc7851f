using AuthPlatform.Application.Common.Interfaces;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>A registration as OpenIddict's permissions: endpoints, grants, response types, scopes and resources.</summary>
public sealed class OAuthClientRegistry(IOpenIddictApplicationManager applications) : IOAuthClientRegistry
{
    public async Task RegisterAsync(OAuthClientRegistration client, string? secret, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            DisplayName = client.Name,
            ClientType = client.Confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = client.FirstParty ? ConsentTypes.Implicit : ConsentTypes.Explicit,
            JsonWebKeySet = client.Jwks is null ? null : JsonWebKeySet.Create(client.Jwks), // private_key_jwt (RFC 7523)
        };
        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));

        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (client.Confidential)
        {
            // Resource servers introspect with their own client's credentials.
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var grant in client.Grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        }

        if (client.Grants.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);

            // RP-initiated logout (OpenID Connect): the post-logout redirect URIs are checked against the registration.
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
        }

        if (client.Grants.Contains(GrantTypes.DeviceCode))
        {
            descriptor.Permissions.Add(Permissions.Endpoints.DeviceAuthorization);
        }

        descriptor.AddScopePermissions([.. client.Scopes]);
        descriptor.AddResourcePermissions([.. client.Resources]);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    public async Task<IReadOnlyList<OAuthClientRegistration>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = new List<OAuthClientRegistration>();
        await foreach (var client in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(client, cancellationToken);
            IReadOnlyList<string> Named(string prefix) =>
                [.. permissions.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..])];

            clients.Add(new OAuthClientRegistration(
                (await applications.GetClientIdAsync(client, cancellationToken))!,
                await applications.GetDisplayNameAsync(client, cancellationToken) ?? string.Empty,
                await applications.GetClientTypeAsync(client, cancellationToken) == ClientTypes.Confidential,
                [.. (await applications.GetRedirectUrisAsync(client, cancellationToken)).Order(StringComparer.Ordinal)],
                [.. (await applications.GetPostLogoutRedirectUrisAsync(client, cancellationToken)).Order(StringComparer.Ordinal)],
                Named(Permissions.Prefixes.GrantType),
                Named(Permissions.Prefixes.Scope),
                Named(Permissions.Prefixes.Resource),
                await applications.GetConsentTypeAsync(client, cancellationToken) == ConsentTypes.Implicit,
                (client as OpenIddictEntityFrameworkCoreApplication)?.JsonWebKeySet)); // as stored: public keys only
        }

        return [.. clients.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(string clientId, Action recordDeletion, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return false;
        }

        // OpenIddict's store deletes the client's authorizations and tokens with it (its refresh tokens stop at once),
        // in a transaction of its own that ends with SaveChanges on this request's DbContext: what recordDeletion tracks
        // on that context is saved by that SaveChanges, so the deletion and its audit event commit together or not at all.
        recordDeletion();
        await applications.DeleteAsync(client, cancellationToken);
        return true;
    }
}
