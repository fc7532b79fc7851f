using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>GET /ok: the auth API answers (BetterAuth's liveness route). Health checks live at /health/*.</summary>
[ApiController]
[AuthApi]
public sealed class StatusController : ControllerBase
{
    [EndpointSummary("The auth API answers")]
    [ProducesResponseType<OkResponse>(StatusCodes.Status200OK)]
    [HttpGet("ok")]
    public IActionResult Get() => Ok(new OkResponse(Ok: true));
}
