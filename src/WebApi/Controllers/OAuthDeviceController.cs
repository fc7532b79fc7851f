using AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;
using AuthPlatform.Infrastructure.OAuthServer;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The user's side of the device grant (RFC 8628, ADR 0142): a signed-in user enters the code a device shows, sees
/// what it asks for, and approves or denies it. OpenIddict's end-user verification endpoint: it reads the user code
/// and, on the answer, marks the device code approved (the device's next poll of the token endpoint gets tokens) or
/// denied (access_denied). Approving signs the user in to the client, so the sign-in policy admits the user first.
/// </summary>
[ApiController]
[AuthApi]
public sealed class OAuthDeviceController(ISender sender, OAuthPrincipals principals, IOpenIddictApplicationManager applications) : ControllerBase
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    [EndpointSummary("What the device with this user code asks for (client and scopes)")]
    [ProducesResponseType<OAuthDeviceRequestResponse>(StatusCodes.Status200OK)]
    [HttpGet("oauth2/device")]
    [Authorize]
    public async Task<IActionResult> Describe(CancellationToken cancellationToken)
    {
        if (await UserCodeAsync() is not { } userCode)
        {
            return UnknownCode();
        }

        var clientId = userCode.GetPresenters()[0];
        var client = await applications.FindByClientIdAsync(clientId, cancellationToken);
        var name = client is null ? clientId : await applications.GetDisplayNameAsync(client, cancellationToken) ?? clientId;
        return Ok(new OAuthDeviceRequestResponse(HttpContext.GetOpenIddictServerRequest()?.UserCode ?? string.Empty, clientId, name,
            string.Join(' ', userCode.GetScopes())));
    }

    /// <summary>
    /// The user's answer (form: <c>user_code</c>, <c>accept</c> true or false). A device grant outlives the session that
    /// approves it, like an API key, so it needs a fresh session.
    /// </summary>
    [EndpointSummary("Approves or denies a device's request (RFC 8628 user code)")]
    [Consumes("application/x-www-form-urlencoded")]
    [ProducesResponseType<OAuthDeviceAnswerResponse>(StatusCodes.Status200OK)]
    [HttpPost("oauth2/device")]
    [Authorize]
    [AuthRoute(Body = BodyRule.JsonOrForm, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Answer(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return NotFound();
        }

        if (await UserCodeAsync() is not { } userCode)
        {
            return UnknownCode();
        }

        var accept = (string?)request.GetParameter("accept");
        if (accept is not ("true" or "false"))
        {
            return BadRequest(new OAuthErrorResponse(Errors.InvalidRequest, "accept must be true or false."));
        }

        var session = HttpContext.CurrentSession();
        var admitted = await sender.Send(new AdmitOAuthUserQuery(session.User.Id, session.Session.Id,
            OAuthPrincipals.OrganizationOf(userCode.GetScopes(), session.Session.ActiveOrganizationId)), cancellationToken);
        if (accept == "false" || !admitted.IsSuccess)
        {
            return Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = admitted.IsSuccess ? "The user denied the request." : admitted.Error!.Message,
            }), Scheme);
        }

        return await principals.ForDeviceAsync(userCode, admitted.Value, cancellationToken) is { } principal
            ? SignIn(principal, Scheme)
            : UnknownCode();
    }

    /// <summary>
    /// The valid user code's principal, or null: OpenIddict answers an unknown, used or expired code with no principal,
    /// and a code with none of its characters (after normalization, nothing) with an empty one.
    /// </summary>
    private async Task<System.Security.Claims.ClaimsPrincipal?> UserCodeAsync() =>
        (await HttpContext.AuthenticateAsync(Scheme)).Principal is { } principal && !principal.GetPresenters().IsDefaultOrEmpty ? principal : null;

    private BadRequestObjectResult UnknownCode() =>
        BadRequest(new OAuthErrorResponse(Errors.InvalidGrant, "The user code is unknown, expired or already used."));
}
