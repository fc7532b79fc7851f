using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;
using AuthPlatform.Application.OAuthConsents;
using AuthPlatform.Application.Sessions.SignOut;
using AuthPlatform.Infrastructure.OAuthServer;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
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
public sealed class OAuthServerController(
    ISender sender, OAuthPrincipals principals, OAuthConsentCode consentCodes, IOptions<OAuthServerOptions> oauth, IOptions<AuthOptions> auth)
    : ControllerBase
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>
    /// The authorization endpoint: one more way in (SignInMethod.OAuthAuthorization). With a live session, the
    /// sign-in policy admits the user and OpenIddict redirects back with a code; without one, the browser goes to
    /// the frontend's login page and comes back here. A client that is not first-party needs the user's consent to
    /// the scopes it asks for: without it, the browser goes to the frontend's consent page (ADR 0141), whose answer
    /// (POST /oauth2/consent) records it and sends the browser back here.
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

            return Redirect(QueryHelpers.AddQueryString(oauth.Value.LoginPage.Trim(), "callbackURL", ThisRequest(keepConsentPrompt: true)));
        }

        var admitted = await sender.Send(new AdmitOAuthUserQuery(session.User.Id, session.Session.Id,
            OAuthPrincipals.OrganizationOf(request.GetScopes(), session.Session.ActiveOrganizationId)), cancellationToken);
        if (!admitted.IsSuccess)
        {
            return Refuse(Errors.AccessDenied, admitted.Error!.Message);
        }

        var consent = await principals.ConsentAsync(request, session.User.Id, cancellationToken);
        if (!consent.Granted)
        {
            if (request.HasPromptValue(PromptValues.None) || string.IsNullOrWhiteSpace(oauth.Value.ConsentPage))
            {
                return Refuse(Errors.ConsentRequired, "This client needs the user's consent.");
            }

            // Back to this request once consented; without prompt=consent, or the answer would ask again.
            var scopes = request.GetScopes();
            var code = consentCodes.Issue(new PendingOAuthConsent(session.User.Id, request.ClientId!, [.. scopes], ThisRequest(keepConsentPrompt: false)));
            return Redirect(QueryHelpers.AddQueryString(oauth.Value.ConsentPage.Trim(), new Dictionary<string, string?>
            {
                ["consent_code"] = code,
                ["client_id"] = request.ClientId,
                ["client_name"] = consent.ClientName,
                ["scope"] = string.Join(' ', scopes),
            }));
        }

        return await principals.ForUserAsync(request, admitted.Value, session.Session.Id, consent.ConsentId, cancellationToken) is { } principal
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

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            // OpenIddict has checked the code (once, its client, redirect URI and verifier), the refresh token, or the
            // device code (approved, not pending, denied or expired); the user must still be allowed in (disabled since, deleted).
            var granted = (await HttpContext.AuthenticateAsync(Scheme)).Principal;
            var userId = granted?.GetClaim(Claims.Subject);
            if (granted is null || userId is null)
            {
                return Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
            }

            var admitted = await sender.Send(new AdmitOAuthUserQuery(userId, granted.GetClaim(OAuthPrincipals.SessionIdClaim),
                OAuthPrincipals.OrganizationOf(granted)), cancellationToken);
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

    /// <summary>
    /// RP-initiated logout (OpenID Connect): OpenIddict has checked the id_token_hint (ours, for this client) and the
    /// post_logout_redirect_uri (exactly one the client registered). The hint is required, as in BetterAuth, so a
    /// link on another site cannot sign the user out; the session ends only when the hint names its user, through
    /// the one sign-out path (SignOutCommand, the cookies expired by the result).
    /// </summary>
    [EndpointSummary("OpenID Connect RP-initiated logout: ends the session the ID token was issued for, then redirects")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [HttpGet("oauth2/end-session")]
    [AuthRoute(Session = SessionUse.Lookup)]
    public async Task<IActionResult> EndSession(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        var hint = string.IsNullOrEmpty(request.IdTokenHint) ? null : (await HttpContext.AuthenticateAsync(Scheme)).Principal;
        if (hint?.GetClaim(Claims.Subject) is not { } userId)
        {
            return BadRequest(new OAuthErrorResponse(Errors.InvalidRequest, "id_token_hint is required: an ID token this service issued."));
        }

        var signOut = SignOut(new AuthenticationProperties { RedirectUri = oauth.Value.LoginPage?.Trim() }, Scheme);
        var current = HttpContext.SessionAuthentication();
        if (current.Session?.User.Id != userId)
        {
            return signOut; // another user's token, or no session: nothing of this browser's to end
        }

        await sender.Send(new SignOutCommand(current.Token), cancellationToken);
        return new CookieResult(signOut).SignOut();
    }

    /// <summary>Answered by OpenIddict before routing reaches the action; declared for the route's rules and the API document.</summary>
    [EndpointSummary("OAuth device authorization (RFC 8628): a device code and a user code")]
    [Consumes(Form)]
    [ProducesResponseType<OAuthDeviceAuthorizationResponse>(StatusCodes.Status200OK)]
    [HttpPost("oauth2/device-authorization")]
    [AuthRoute(Body = BodyRule.JsonOrForm, Origin = OriginRule.NotStateChanging)]
    public IActionResult DeviceAuthorization() => NotFound();

    /// <summary>
    /// The authorization request this action answers, on the configured origin (never the Host header); to resume after
    /// consent, without prompt=consent (or the answer would ask again).
    /// </summary>
    private string ThisRequest(bool keepConsentPrompt)
    {
        var origin = auth.Value.BaseOrigin + Request.PathBase + Request.Path;
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        if (keepConsentPrompt || !query.TryGetValue(Parameters.Prompt, out var prompt))
        {
            return origin + Request.QueryString; // exactly as the client sent it
        }

        var others = prompt.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Consent).ToArray();
        if (others.Length == 0)
        {
            query.Remove(Parameters.Prompt);
        }
        else
        {
            query[Parameters.Prompt] = string.Join(' ', others);
        }

        return origin + QueryString.Create(query);
    }

    private ForbidResult Refuse(string error, string description) =>
        Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), Scheme);
}
