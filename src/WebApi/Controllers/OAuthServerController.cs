using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;
using AuthPlatform.Infrastructure.OAuthServer;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The OAuth 2.1 / OpenID Connect server's routes (BetterAuth oauth-provider's names, under the base path).
/// OpenIddict (ADR 0140) parses and checks every request before it gets here (client authentication, grant,
/// PKCE, redirect URI, resource and scope permissions) and answers introspection and revocation itself; these
/// actions give the routes their rules (form bodies; authenticated by the client, never by a cookie) and decide
/// whom a token is for. Errors are OAuth's JSON errors, not problem+json.
/// </summary>
[ApiController]
[AuthApi]
public sealed class OAuthServerController(ISender sender, OAuthPrincipals principals, IOptions<OAuthServerOptions> oauth, IOptions<AuthOptions> auth)
    : ControllerBase
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>
    /// The authorization endpoint: one more way in (SignInMethod.OAuthAuthorization). With a live session, the
    /// sign-in policy admits the user and OpenIddict redirects back with a code; without one, the browser goes to
    /// the frontend's login page and comes back here. Clients that are not first-party are refused
    /// (consent_required) until consent exists.
    /// </summary>
    [EndpointSummary("OAuth authorization endpoint (authorization code with PKCE S256)")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [HttpGet("oauth2/authorize")]
    [AuthRoute(Session = SessionUse.Lookup)]
    public async Task<IActionResult> Authorize(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        if (HttpContext.SessionAuthentication().Session is not { } session)
        {
            if (request.HasPromptValue(PromptValues.None) || string.IsNullOrWhiteSpace(oauth.Value.LoginPage))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this very request once signed in; built on the configured origin, never the Host header.
            var back = auth.Value.BaseOrigin + Request.PathBase + Request.Path + Request.QueryString;
            return Redirect(QueryHelpers.AddQueryString(oauth.Value.LoginPage.Trim(), "callbackURL", back));
        }

        var admitted = await sender.Send(new AdmitOAuthUserQuery(session.User.Id, session.Session.Id), cancellationToken);
        if (!admitted.IsSuccess)
        {
            return Refuse(Errors.AccessDenied, admitted.Error!.Message);
        }

        if (await principals.NeedsConsentAsync(request, cancellationToken))
        {
            return Refuse(Errors.ConsentRequired, "This client needs the user's consent, which is not available yet.");
        }

        return await principals.ForUserAsync(request, admitted.Value, session.Session.Id, cancellationToken) is { } principal
            ? SignIn(principal, Scheme)
            : Refuse(Errors.InvalidClient, "Unknown client.");
    }

    [EndpointSummary("OAuth token endpoint: client_credentials, authorization_code (PKCE), refresh_token")]
    [Consumes(Form)]
    [ProducesResponseType<OAuthTokenResponse>(StatusCodes.Status200OK)]
    [HttpPost("oauth2/token")]
    [AuthRoute(Body = BodyRule.JsonOrForm, Origin = OriginRule.NotStateChanging)]
    public async Task<IActionResult> Token(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await principals.ForClientAsync(request, cancellationToken) is { } client
                ? SignIn(client, Scheme)
                : Refuse(Errors.InvalidClient, "Unknown client.");
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has checked the code (once, its client, redirect URI and verifier) or the refresh token;
            // the user must still be allowed in (disabled since, deleted).
            var granted = (await HttpContext.AuthenticateAsync(Scheme)).Principal;
            var userId = granted?.GetClaim(Claims.Subject);
            if (granted is null || userId is null)
            {
                return Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
            }

            var admitted = await sender.Send(new AdmitOAuthUserQuery(userId, granted.GetClaim(OAuthPrincipals.SessionIdClaim)), cancellationToken);
            return admitted.IsSuccess
                ? SignIn(OAuthPrincipals.Renew(granted, admitted.Value), Scheme)
                : Refuse(Errors.InvalidGrant, "The user can no longer sign in.");
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant is not supported here.");
    }

    /// <summary>The user the access token speaks for, by its scopes (OpenID Connect userinfo).</summary>
    [EndpointSummary("OpenID Connect userinfo: the user of the access token, by scope")]
    [ProducesResponseType<Dictionary<string, object>>(StatusCodes.Status200OK)]
    [HttpGet("oauth2/userinfo")]
    [AuthRoute(Origin = OriginRule.NotStateChanging)]
    public async Task<IActionResult> UserInfo(CancellationToken cancellationToken)
    {
        var principal = (await HttpContext.AuthenticateAsync(Scheme)).Principal;
        if (principal?.GetClaim(Claims.Subject) is not { } userId)
        {
            return Challenge(Scheme);
        }

        var admitted = await sender.Send(new AdmitOAuthUserQuery(userId, null), cancellationToken);
        if (!admitted.IsSuccess)
        {
            return Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user can no longer sign in.",
            }), Scheme);
        }

        var user = admitted.Value;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.Name;
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailVerified;
        }

        return Ok(claims);
    }

    /// <summary>Answered by OpenIddict before routing reaches the action; declared for the route's rules and the API document.</summary>
    [EndpointSummary("OAuth token introspection (RFC 7662), for a client's own or its audience's tokens")]
    [Consumes(Form)]
    [ProducesResponseType<OAuthIntrospectionResponse>(StatusCodes.Status200OK)]
    [HttpPost("oauth2/introspect")]
    [AuthRoute(Body = BodyRule.JsonOrForm, Origin = OriginRule.NotStateChanging)]
    public IActionResult Introspect() => NotFound();

    /// <summary>Answered by OpenIddict before routing reaches the action; declared for the route's rules and the API document.</summary>
    [EndpointSummary("OAuth token revocation (RFC 7009)")]
    [Consumes(Form)]
    [ProducesResponseType<OAuthRevocationResponse>(StatusCodes.Status200OK)]
    [HttpPost("oauth2/revoke")]
    [AuthRoute(Body = BodyRule.JsonOrForm, Origin = OriginRule.NotStateChanging)]
    public IActionResult Revoke() => NotFound();

    private ForbidResult Refuse(string error, string description) =>
        Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), Scheme);
}
