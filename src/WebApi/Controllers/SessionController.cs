using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.GetSession;
using AuthPlatform.Application.SignOut;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>The current session: GET /get-session, POST /sign-out.</summary>
[ApiController]
[AuthApi]
public sealed class SessionController(ISender sender, SessionCookies cookies, CredentialReader credentials, SessionJwtHeader jwtHeader, ILogger<SessionController> logger) : ControllerBase
{
    /// <summary>
    /// {session, user} for a live session; JSON null for none (expired, revoked, unknown: the cookie is
    /// then expired); 401 for a malformed credential; 503 when the store cannot answer (cookie kept).
    /// </summary>
    [HttpGet("get-session")]
    public async Task<IActionResult> GetSession([FromQuery] bool? disableCookieCache, [FromQuery] bool? disableRefresh, CancellationToken cancellationToken)
    {
        var credential = credentials.Read(Request);
        if (credential.Token is not { } token)
        {
            return credential.IsPresent ? RejectMalformed(credential) : new JsonResult(null);
        }

        var result = await sender.Send(new GetSessionQuery(token, disableRefresh ?? false, credential.Source), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var lookup = result.Value;
        if (lookup.Current is not { } current)
        {
            // The store answered: this session is over. Clear the cookie so the browser stops sending it.
            if (credential.Source == PresentedCredential.CookieSource)
            {
                cookies.Expire(Response);
            }

            return new JsonResult(null);
        }

        if (lookup.Refreshed)
        {
            cookies.Write(Response, token, current.Session.ExpiresAt, current.RememberMe);
        }

        jwtHeader.Apply(Response, current);
        _ = disableCookieCache;
        return Ok(new SessionResponse(current.Session, current.User));
    }

    /// <summary>Revokes the presented session, if any, and expires the cookie. Always succeeds.</summary>
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

    private IActionResult RejectMalformed(PresentedCredential credential)
    {
        CredentialRejectionLog.Log(logger, credential.Rejection!.Value, credential.Source);
        if (credential.Source == PresentedCredential.CookieSource)
        {
            cookies.Expire(Response);
        }
        else
        {
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return ProblemWriter.Result(HttpContext, new Application.Common.Results.Error(
            Application.Common.Results.ErrorKind.Unauthorized, "INVALID_TOKEN", credential.Detail ?? "The session token is malformed."));
    }
}
