using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Sessions.SignOut;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>The current session: GET /get-session, POST /sign-out.</summary>
[ApiController]
[AuthApi]
public sealed class SessionController(ISender sender, SessionJwtHeader jwtHeader) : ControllerBase
{
    /// <summary>
    /// {session, user} for a live session; JSON null for none (expired, revoked, unknown: the cookie is
    /// then expired); 401 for a malformed credential; 503 when the store cannot answer (cookie kept).
    /// With the cookie cache on, a valid session_data cookie answers without the store, unless
    /// ?disableCookieCache=true; ?disableRefresh=true skips the sliding refresh. Both are read by the
    /// session authentication handler; they are bound here so a bad value is a 400 and the API document lists them.
    /// </summary>
    [EndpointSummary("The current session and user, or null without a live session")]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK, Description = "The session and its user; JSON null when there is no live session")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [NullableAnswer]
    [HttpGet("get-session")]
    [AuthRoute(Session = SessionUse.LookupOrCookieCache, AcceptsApiKey = true)]
    public IActionResult GetSession([FromQuery] bool? disableCookieCache, [FromQuery] bool? disableRefresh)
    {
        var found = HttpContext.SessionAuthentication();
        return found switch
        {
            { Session: { } current } => Answer(current, found.FromCookieCache),
            { Outcome: SessionOutcome.Malformed } => SessionProblems.Malformed(HttpContext, found.Credential),
            _ => new JsonResult(null),
        };
    }

    /// <summary>Revokes the presented session, if any, and expires the cookie. Always succeeds.</summary>
    [EndpointSummary("Ends the presented session and expires the cookie")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [HttpPost("sign-out")]
    [AuthRoute(Session = SessionUse.Credential)]
    public async Task<IActionResult> PostSignOut(CancellationToken cancellationToken)
    {
        await sender.Send(new SignOutCommand(HttpContext.SessionAuthentication().Token), cancellationToken);
        return new CookieResult(Ok(new SuccessResponse(Success: true))).SignOut();
    }

    /// <summary>
    /// A live session: its body, plus the set-auth-jwt header for clients that want a JWT with it, but only
    /// when the store confirmed the session: a cache cookie may outlive a revocation, a JWT must not.
    /// </summary>
    private OkObjectResult Answer(CurrentSession current, bool fromCookieCache)
    {
        if (!fromCookieCache)
        {
            jwtHeader.Apply(Response, current);
        }

        return Ok(new SessionResponse(current.Session, current.User));
    }
}
