using AuthPlatform.Application.Tokens.GetJwks;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The well-known documents resource servers read, at the root of the host (not under the base path):
/// /.well-known/openid-configuration and /.well-known/jwks.json.
/// </summary>
[ApiController]
public sealed class WellKnownController(ISender sender, JwksResponder jwks, DiscoveryDocument discovery) : ControllerBase
{
    [EndpointSummary("The public keys that verify issued JWTs (JWKS)")]
    [ProducesResponseType<JsonWebKeySet>(StatusCodes.Status200OK, "application/jwk-set+json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [HttpGet(DiscoveryDocument.JwksPath)]
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

    [EndpointSummary("Discovery document: issuer, JWKS URL, algorithms")]
    [ProducesResponseType<DiscoveryResponse>(StatusCodes.Status200OK)]
    [HttpGet(DiscoveryDocument.Path)]
    public async Task<IActionResult> GetConfiguration(CancellationToken cancellationToken)
    {
        // Without loaded keys the document still names the configured algorithm; the JWKS answers 503 then.
        var result = await sender.Send(new GetJwksQuery(), cancellationToken);
        Response.Headers.CacheControl = jwks.CacheControl;
        return Ok(discovery.For(result.IsSuccess ? result.Value : null));
    }
}
