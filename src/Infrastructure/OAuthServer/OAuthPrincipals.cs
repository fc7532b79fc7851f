using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Application.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// Whom a token speaks for, and what each token says. OpenIddict has already authenticated the client and
/// checked the scopes and resources asked for against its permissions; a request that names no resource gets
/// every resource the client may use (by default the configured JWT audience, which resource servers accept).
/// Access tokens carry the subject, scopes and audience, and with the organization scope the organization claims;
/// what the user is (name, email) goes in the ID token and userinfo, by scope; auth_time, amr and acr are the session's.
/// </summary>
public sealed class OAuthPrincipals(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
{
    public const string SessionIdClaim = "sid";

    /// <summary>Client credentials: the client itself (sub = client_id); null for an unknown client.</summary>
    public async Task<ClaimsPrincipal?> ForClientAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientId is not { } clientId || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return null;
        }

        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(client, cancellationToken));
        identity.SetScopes(request.GetScopes());
        identity.SetResources(await ResourcesAsync(request, client, cancellationToken));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The authorization endpoint: a signed-in user, for the scopes and resources asked for. With the user's consent
    /// (<paramref name="consentId"/>), the code and every token after it belong to that consent, so revoking it ends them.
    /// </summary>
    public async Task<ClaimsPrincipal?> ForUserAsync(OpenIddictRequest request, OAuthUser user, string sessionId, string? consentId, CancellationToken cancellationToken)
    {
        if (request.ClientId is not { } clientId || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return null;
        }

        var identity = NewIdentity();
        identity.SetAuthorizationId(consentId);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(await ResourcesAsync(request, client, cancellationToken));
        identity.SetClaim(SessionIdClaim, sessionId);
        return Describe(identity, user);
    }

    /// <summary>
    /// The organization a grant speaks for (the organization scope): the session's active organization when the user
    /// signed in to the client, kept in the code and refresh tokens; null without the scope.
    /// </summary>
    public static string? OrganizationOf(IEnumerable<string> scopes, string? activeOrganizationId) =>
        scopes.Contains(OrganizationClaims.Scope, StringComparer.Ordinal) ? activeOrganizationId : null;

    /// <summary>The organization a code or refresh grant was made for (as above), when the user was still a member at the last grant.</summary>
    public static string? OrganizationOf(ClaimsPrincipal granted) =>
        granted.HasScope(OrganizationClaims.Scope) ? granted.GetClaim(OrganizationClaims.OrganizationId) : null;

    /// <summary>A code or refresh grant: the same grant, with what the user is now (a renamed user, a changed email, a changed role).</summary>
    public static ClaimsPrincipal Renew(ClaimsPrincipal granted, OAuthUser user)
    {
        var identity = NewIdentity();
        identity.SetScopes(granted.GetScopes());
        identity.SetResources(granted.GetResources());
        identity.SetClaim(SessionIdClaim, granted.GetClaim(SessionIdClaim));
        return Describe(identity, user);
    }

    /// <summary>
    /// The device grant (RFC 8628) approved by a signed-in user: what the device asked for (its user code's scopes and
    /// resources; without resources, every resource the client may use), for this user.
    /// </summary>
    public async Task<ClaimsPrincipal?> ForDeviceAsync(ClaimsPrincipal userCode, OAuthUser user, CancellationToken cancellationToken)
    {
        if (userCode.GetPresenters().FirstOrDefault() is not { } clientId || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return null;
        }

        var identity = NewIdentity();
        identity.SetScopes(userCode.GetScopes());
        var resources = userCode.GetResources();
        identity.SetResources(resources.IsDefaultOrEmpty ? await ClientResourcesAsync(client, cancellationToken) : resources);
        return Describe(identity, user);
    }

    /// <summary>
    /// Has the user consented to what the client asks? A first-party client needs no consent (OpenIddict's implicit
    /// consent type); another needs a valid permanent authorization of this user covering every scope asked for,
    /// unless the request says prompt=consent (asked again).
    /// </summary>
    public async Task<OAuthConsentCheck> ConsentAsync(OpenIddictRequest request, string userId, CancellationToken cancellationToken)
    {
        if (request.ClientId is not { } clientId || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return new OAuthConsentCheck(Granted: false, ConsentId: null, ClientName: string.Empty);
        }

        var name = await applications.GetDisplayNameAsync(client, cancellationToken) ?? clientId;
        if (await applications.GetConsentTypeAsync(client, cancellationToken) == ConsentTypes.Implicit)
        {
            return new OAuthConsentCheck(Granted: true, ConsentId: null, name);
        }

        if (!request.HasPromptValue(PromptValues.Consent))
        {
            var applicationId = await applications.GetIdAsync(client, cancellationToken);
            await foreach (var consent in authorizations.FindAsync(userId, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, request.GetScopes(), cancellationToken))
            {
                return new OAuthConsentCheck(Granted: true, await authorizations.GetIdAsync(consent, cancellationToken), name);
            }
        }

        return new OAuthConsentCheck(Granted: false, ConsentId: null, name);
    }

    private static ClaimsPrincipal Describe(ClaimsIdentity identity, OAuthUser user)
    {
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(Claims.Name, user.Name);
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.EmailVerified, user.EmailVerified);
        if (user.AuthenticatedAt is { } authenticatedAt)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime,
                authenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        if (user.Organization is { } organization)
        {
            // Both tokens; roles always an array, as in the /token JWT.
            identity.SetClaim(OrganizationClaims.OrganizationId, organization.Id);
            identity.AddClaim(new Claim(OrganizationClaims.OrganizationRoles, JsonSerializer.Serialize(organization.Roles), JsonClaimValueTypes.JsonArray));
        }

        identity.SetClaims(Claims.AuthenticationMethodReference, [.. user.Methods]);
        identity.SetClaim(Claims.AuthenticationContextReference, SignInPolicy.AuthenticationContextOf(user.Methods));
        var scopes = identity.GetScopes();
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name when scopes.Contains(Scopes.Profile) => [Destinations.IdentityToken],
            Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email) => [Destinations.IdentityToken],
            Claims.AuthenticationTime or Claims.AuthenticationMethodReference or Claims.AuthenticationContextReference => [Destinations.IdentityToken],
            SessionIdClaim => [Destinations.IdentityToken],
            OrganizationClaims.OrganizationId or OrganizationClaims.OrganizationRoles when scopes.Contains(OrganizationClaims.Scope)
                => [Destinations.AccessToken, Destinations.IdentityToken],
            OrganizationClaims.OrganizationId or OrganizationClaims.OrganizationRoles => [],
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name or Claims.Email or Claims.EmailVerified => [],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private async Task<ImmutableArray<string>> ResourcesAsync(OpenIddictRequest request, object client, CancellationToken cancellationToken)
    {
        var resources = request.GetResources();
        if (!resources.IsDefaultOrEmpty)
        {
            return resources;
        }

        return await ClientResourcesAsync(client, cancellationToken);
    }

    private async Task<ImmutableArray<string>> ClientResourcesAsync(object client, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(client, cancellationToken);
        return [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Resource, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Resource.Length..])];
    }
}

/// <summary>
/// Whether the user has consented to the authorization request: <paramref name="ConsentId"/> is the consent the
/// tokens will belong to (none for a first-party client).
/// </summary>
public sealed record OAuthConsentCheck(bool Granted, string? ConsentId, string ClientName);
