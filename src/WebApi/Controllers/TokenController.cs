using AuthPlatform.Application.Tokens.GetJwks;
using AuthPlatform.Application.Tokens.IssueToken;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>JWTs for other services: GET /token (from a live session) and GET /jwks (the public keys).</summary>
[ApiController]
[AuthApi]
public sealed class TokenController(ISender sender, JwksResponder jwks) : ControllerBase
{
    /// <summary>
    /// {token} for a live session; 401 UNAUTHORIZED without one (the reason is logged; a garbage or ended
    /// cookie is expired); 503 when no key or no database.
    /// </summary>
    [EndpointSummary("A JWT for other services, from the live session")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("token")]
    [Authorize]
    [AuthRoute(AcceptsApiKey = true)]
    public async Task<IActionResult> GetToken(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new IssueTokenQuery(HttpContext.CurrentSession()), cancellationToken);
        return result.IsSuccess ? Ok(new TokenResponse(result.Value.Jwt)) : ProblemWriter.Result(HttpContext, result.Error!);
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
