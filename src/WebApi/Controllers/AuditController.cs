using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Audit.ListAuditEvents;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// The audit trail, read (docs/adr/0139-audit-trail.md): a user's own recent activity (GET /list-activity; BetterAuth
/// has none) and the administrators' view with filters and paging (GET /admin/list-audit-events). Both are the one
/// query <see cref="ListAuditEventsQuery"/>; the operator's `export-audit` is the third reader.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class AuditController(ISender sender) : ControllerBase
{
    [EndpointSummary("The current user's recent security events: sign-ins (and refusals), password and factor changes, sessions ended")]
    [ProducesResponseType<AuditEventPage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("list-activity")]
    public async Task<IActionResult> ListActivity([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListAuditEventsQuery(HttpContext.CurrentSession().User.Id, Type: null, From: null, To: null, limit, offset), cancellationToken));

    [EndpointSummary("A page of the audit trail, newest first, filtered by user, event type and time")]
    [ProducesResponseType<AuditEventPage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/list-audit-events")]
    [AuthRoute(Admin = AdminAction.ReadAuditTrail)]
    public async Task<IActionResult> ListAuditEvents(
        [FromQuery] string? userId, [FromQuery] string? type, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
        [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListAuditEventsQuery(userId, type, from, to, limit, offset), cancellationToken));

    private IActionResult Answer(Result<AuditEventPage> result) =>
        result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
}
