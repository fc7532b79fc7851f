using AuthPlatform.Application.Mail.ChangeEmail;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// POST /change-email: on a fresh session, mails a link to the new address (and a notice to the old one
/// when it is verified). The address changes when the link is followed (GET /verify-email).
/// </summary>
[ApiController]
[AuthApi]
public sealed class ChangeEmailController(ISender sender) : ControllerBase
{
    [EndpointSummary("Starts a change of email; the answer never says whether the new address is taken")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("change-email")]
    [Authorize]
    [AuthRoute(RateLimit = RateLimitClass.Mail, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> ChangeEmail([FromBody] ChangeEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ChangeEmailCommand(HttpContext.CurrentSession(), request.NewEmail, request.CallbackURL), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
