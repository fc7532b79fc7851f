using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.SignOut;
using AuthPlatform.Application.GetSession;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>The current session: GET /get-session, POST /sign-out.</summary>
[ApiController]
[AuthApi]
public sealed class SessionController(ISender sender, SessionCookies cookies, CredentialReader credentials, AuthenticatedSessionResolver resolver, SessionJwtHeader jwtHeader, ILogger<SessionController> logger) : ControllerBase
{
    /// <summary>
    /// {session, user} for a live session; JSON null for none (expired, revoked, unknown: the cookie is
    /// then expired); 401 for a malformed credential; 503 when the store cannot answer (cookie kept).
    /// With the cookie cache on, a valid session_data cookie answers without the store, unless
    /// ?disableCookieCache=true.
    /// </summary>
    [EndpointSummary("The current session and user, or null without a live session")]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK, Description = "The session and its user; JSON null when there is no live session")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("get-session")]
    public async Task<IActionResult> GetSession([FromQuery] bool? disableCookieCache, [FromQuery] bool? disableRefresh, CancellationToken cancellationToken)
    {
        var cookieCache = disableCookieCache == true ? CookieCacheUse.Refresh : CookieCacheUse.Use;
        var resolution = await resolver.ResolveAsync(HttpContext, disableRefresh ?? false, cookieCache, cancellationToken);
        return resolution switch
        {
            { Current: { } current } => Answer(current),
            { Problem: { } problem } => problem,
            _ => new JsonResult(null),
        };
    }

    /// <summary>Revokes the presented session, if any, and expires the cookie. Always succeeds.</summary>
    [EndpointSummary("Ends the presented session and expires the cookie")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [HttpPost("sign-out")]
    public async Task<IActionResult> PostSignOut(CancellationToken cancellationToken)
    {
        var credential = credentials.Read(Request);
        if (credential.Rejection is { } rejection and not CredentialRejection.NoCredential)
        {
            CredentialRejectionLog.Log(logger, rejection, credential.Source);
        }

        await sender.Send(new SignOutCommand(credential.Token), cancellationToken);
        cookies.Expire(Response);
        return Ok(new SuccessResponse(Success: true));
    }

    /// <summary>A live session: its body, plus the set-auth-jwt header for clients that want a JWT with it.</summary>
    private OkObjectResult Answer(CurrentSession current)
    {
        jwtHeader.Apply(Response, current);
        return Ok(new SessionResponse(current.Session, current.User));
    }
}
