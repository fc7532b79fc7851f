using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.GetJwks;
using AuthPlatform.Application.IssueToken;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>JWTs for other services: GET /token (from a live session) and GET /jwks (the public keys).</summary>
[ApiController]
[AuthApi]
public sealed class TokenController(ISender sender, SessionCookies cookies, CredentialReader credentials, JwksResponder jwks, ILogger<TokenController> logger)
    : ControllerBase
{
    /// <summary>{token} for a live session; 401 UNAUTHORIZED without one (the reason is logged); 503 when no key or no database.</summary>
    [EndpointSummary("A JWT for other services, from the live session")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("token")]
    public async Task<IActionResult> GetToken(CancellationToken cancellationToken)
    {
        var credential = credentials.Read(Request);
        if (credential.Token is not { } token)
        {
            CredentialRejectionLog.Log(logger, credential.Rejection ?? CredentialRejection.NoCredential, credential.Source);
            Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemWriter.Result(HttpContext, Application.Common.Results.Errors.Unauthorized);
        }

        var result = await sender.Send(new IssueTokenQuery(token, credential.Source), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var issued = result.Value;
        if ((issued.SessionRefreshed || credential.SignedWithPreviousSecret) && credential.Source == PresentedCredential.CookieSource)
        {
            cookies.Write(Response, token, issued.Session.Session.ExpiresAt, issued.Session.RememberMe);
        }

        return Ok(new TokenResponse(issued.Jwt));
    }

    /// <summary>The published public keys; also at /.well-known/jwks.json.</summary>
    [EndpointSummary("The public keys that verify issued JWTs")]
    [ProducesResponseType<JsonWebKeySet>(StatusCodes.Status200OK, "application/jwk-set+json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [HttpGet("jwks")]
    public async Task GetJwks(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetJwksQuery(), cancellationToken);
        if (!result.IsSuccess)
        {
            await ProblemWriter.WriteAsync(HttpContext, result.Error!);
            return;
        }

        await jwks.WriteAsync(HttpContext, result.Value);
    }
}
