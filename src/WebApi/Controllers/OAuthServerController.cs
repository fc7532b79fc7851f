using AuthPlatform.Infrastructure.OAuthServer;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
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
public sealed class OAuthServerController(ClientCredentialsPrincipal clientCredentials) : ControllerBase
{
    private const string Form = "application/x-www-form-urlencoded";

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

        if (request.IsClientCredentialsGrantType()
            && await clientCredentials.CreateAsync(request, cancellationToken) is { } principal)
        {
            return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant is not supported here.");
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
        }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
