using AuthPlatform.Application.Tokens.GetJwks;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Tokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The JWKS resource servers read, at the root of the host (not under the base path): /.well-known/jwks.json.
/// The discovery documents beside it (/.well-known/openid-configuration, /.well-known/oauth-authorization-server)
/// are the OAuth server's (ADR 0140), answered by OpenIddict with this JWKS as their jwks_uri.
/// </summary>
[ApiController]
public sealed class WellKnownController(ISender sender, JwksResponder jwks) : ControllerBase
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
}
