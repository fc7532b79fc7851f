using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Sessions.ListSessions;
using AuthPlatform.Application.Sessions.RevokeOtherSessions;
using AuthPlatform.Application.Sessions.RevokeSession;
using AuthPlatform.Application.Sessions.RevokeSessions;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// A user's view of their sessions: GET /list-sessions, POST /revoke-session, /revoke-sessions,
/// /revoke-other-sessions. Each needs a live session ([Authorize]: the store is read, never the cookie cache). Ending other
/// sessions needs a fresh session (docs/security.md, "Fresh sessions").
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class SessionManagementController(ISender sender) : ControllerBase
{
    [EndpointSummary("The live sessions of the current user (without tokens)")]
    [ProducesResponseType<IReadOnlyList<SessionDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("list-sessions")]
    public async Task<IActionResult> ListSessions(CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new ListSessionsQuery(current.User.Id), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Ends one session of the current user, by token or id")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("revoke-session")]
    public async Task<IActionResult> RevokeSession([FromBody] RevokeSessionRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new RevokeSessionCommand(current, request.Token, request.Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var ok = Ok(new StatusResponse(Status: true));
        return result.Value.RevokedCurrent ? new CookieResult(ok).SignOut() : ok;
    }

    [EndpointSummary("Ends every session of the current user")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("revoke-sessions")]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> RevokeSessions(CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new RevokeSessionsCommand(current), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        return new CookieResult(Ok(new StatusResponse(Status: true))).SignOut();
    }

    [EndpointSummary("Ends every session of the current user but this one")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("revoke-other-sessions")]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> RevokeOtherSessions(CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new RevokeOtherSessionsCommand(current), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
