using AuthPlatform.Application.Common.Interfaces;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// Consents as OpenIddict's permanent authorizations (ADR 0141): one row per grant, valid until revoked. A grant of
/// more scopes is a new authorization holding every scope granted so far, so a client's newest valid authorization
/// is its consent; revoking it revokes them all, and their tokens, at once.
/// </summary>
public sealed class OAuthConsentStore(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, TimeProvider clock)
    : IOAuthConsentStore
{
    public async Task GrantAsync(string userId, string clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var client = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException("The consent names a client that no longer exists.");
        var applicationId = await applications.GetIdAsync(client, cancellationToken);
        var granted = new SortedSet<string>(scopes, StringComparer.Ordinal);
        await foreach (var previous in Permanent(userId, applicationId, cancellationToken))
        {
            granted.UnionWith(await authorizations.GetScopesAsync(previous, cancellationToken));
        }

        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId,
            Subject = userId,
            Status = Statuses.Valid,
            Type = AuthorizationTypes.Permanent,
            CreationDate = clock.GetUtcNow(),
        };
        descriptor.Scopes.UnionWith(granted);
        await authorizations.CreateAsync(descriptor, cancellationToken);
    }

    public async Task<IReadOnlyList<OAuthConsent>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var newest = new Dictionary<string, (object Authorization, DateTimeOffset? CreatedAt)>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (!await IsConsentAsync(authorization, cancellationToken)
                || await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId)
            {
                continue;
            }

            var createdAt = await authorizations.GetCreationDateAsync(authorization, cancellationToken);
            if (!newest.TryGetValue(applicationId, out var seen) || createdAt > seen.CreatedAt)
            {
                newest[applicationId] = (authorization, createdAt);
            }
        }

        var consents = new List<OAuthConsent>();
        foreach (var (applicationId, (authorization, createdAt)) in newest)
        {
            if (await applications.FindByIdAsync(applicationId, cancellationToken) is not { } client)
            {
                continue;
            }

            consents.Add(new OAuthConsent(
                (await authorizations.GetIdAsync(authorization, cancellationToken))!,
                (await applications.GetClientIdAsync(client, cancellationToken))!,
                await applications.GetDisplayNameAsync(client, cancellationToken) ?? string.Empty,
                [.. (await authorizations.GetScopesAsync(authorization, cancellationToken)).Order(StringComparer.Ordinal)],
                createdAt));
        }

        return [.. consents.OrderByDescending(c => c.CreatedAt)];
    }

    public async Task<OAuthConsent?> FindAsync(string userId, string consentId, CancellationToken cancellationToken) =>
        (await FindOwnAsync(userId, consentId, cancellationToken))?.Consent;

    public async Task<IReadOnlyList<string>> ClientScopesAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return [];
        }

        var permissions = await applications.GetPermissionsAsync(client, cancellationToken);
        return [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])];
    }

    public async Task<OAuthConsent?> ReplaceAsync(string userId, string consentId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(userId, consentId, cancellationToken) is not { } found)
        {
            return null;
        }

        // Narrowed, the client's tokens must not keep the scopes taken away: they end with the grants they were issued under.
        await RevokeGrantsAsync(userId, found.ApplicationId, cancellationToken);
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = found.ApplicationId,
            Subject = userId,
            Status = Statuses.Valid,
            Type = AuthorizationTypes.Permanent,
            CreationDate = clock.GetUtcNow(),
        };
        descriptor.Scopes.UnionWith(scopes);
        var replacement = await authorizations.CreateAsync(descriptor, cancellationToken);
        return found.Consent with
        {
            Id = (await authorizations.GetIdAsync(replacement, cancellationToken))!,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CreatedAt = descriptor.CreationDate,
        };
    }

    public async Task<OAuthConsent?> RevokeAsync(string userId, string consentId, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(userId, consentId, cancellationToken) is not { } found)
        {
            return null;
        }

        // Every grant to this client ends, with every token issued under it: a refresh token is refused from now on.
        await RevokeGrantsAsync(userId, found.ApplicationId, cancellationToken);
        return found.Consent;
    }

    /// <summary>The user's valid consent with that id, and its client's application id; null when it is not theirs or not a consent.</summary>
    private async Task<(OAuthConsent Consent, string ApplicationId)?> FindOwnAsync(string userId, string consentId, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.FindByIdAsync(consentId, cancellationToken);
        if (authorization is null
            || await authorizations.GetSubjectAsync(authorization, cancellationToken) != userId
            || !await IsConsentAsync(authorization, cancellationToken)
            || await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId
            || await applications.FindByIdAsync(applicationId, cancellationToken) is not { } client)
        {
            return null;
        }

        var consent = new OAuthConsent(consentId, (await applications.GetClientIdAsync(client, cancellationToken))!,
            await applications.GetDisplayNameAsync(client, cancellationToken) ?? string.Empty,
            [.. (await authorizations.GetScopesAsync(authorization, cancellationToken)).Order(StringComparer.Ordinal)],
            await authorizations.GetCreationDateAsync(authorization, cancellationToken));
        return (consent, applicationId);
    }

    private async Task RevokeGrantsAsync(string userId, string applicationId, CancellationToken cancellationToken)
    {
        await foreach (var grant in Permanent(userId, applicationId, cancellationToken))
        {
            var id = await authorizations.GetIdAsync(grant, cancellationToken);
            await authorizations.TryRevokeAsync(grant, cancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(id!, cancellationToken);
        }
    }

    private async Task<bool> IsConsentAsync(object authorization, CancellationToken cancellationToken) =>
        await authorizations.GetTypeAsync(authorization, cancellationToken) == AuthorizationTypes.Permanent
        && await authorizations.GetStatusAsync(authorization, cancellationToken) == Statuses.Valid;

    private async IAsyncEnumerable<object> Permanent(string userId, string? applicationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Materialized first: revoking while the store's query is still being read would change what it reads.
        var found = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(userId, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes: null, cancellationToken))
        {
            found.Add(authorization);
        }

        foreach (var authorization in found)
        {
            yield return authorization;
        }
    }
}
