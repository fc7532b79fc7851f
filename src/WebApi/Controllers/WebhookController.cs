using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Webhooks;
using AuthPlatform.Application.Webhooks.AddWebhook;
using AuthPlatform.Application.Webhooks.ListWebhookDeliveries;
using AuthPlatform.Application.Webhooks.ListWebhooks;
using AuthPlatform.Application.Webhooks.RemoveWebhook;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Webhook endpoints, for administrators (ours; docs/adr/0139-audit-trail.md): register one (its secret is answered
/// once), list them with their delivery state, read one's delivery log, remove one. The operator commands
/// `add-webhook`, `list-webhooks` and `remove-webhook` send the same messages.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class WebhookController(ISender sender) : ControllerBase
{
    [EndpointSummary("Registers a webhook endpoint for some or all audit event types; answers its signing secret once")]
    [ProducesResponseType<WebhookCreated>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/create-webhook")]
    [AuthRoute(Admin = AdminAction.ManageWebhooks, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Create([FromBody] CreateWebhookRequest request, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new AddWebhookCommand(request.Url, request.Events), cancellationToken));

    [EndpointSummary("Every webhook endpoint with its delivery state (never its secret)")]
    [ProducesResponseType<IReadOnlyList<WebhookDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/list-webhooks")]
    [AuthRoute(Admin = AdminAction.ManageWebhooks)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListWebhooksQuery(), cancellationToken));

    [EndpointSummary("A webhook endpoint's delivery log, newest first")]
    [ProducesResponseType<IReadOnlyList<WebhookDeliveryDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/list-webhook-deliveries")]
    [AuthRoute(Admin = AdminAction.ManageWebhooks)]
    public async Task<IActionResult> Deliveries([FromQuery] string? webhookId, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        Answer(await sender.Send(new ListWebhookDeliveriesQuery(webhookId, limit), cancellationToken));

    [EndpointSummary("Removes a webhook endpoint and its delivery log")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("admin/delete-webhook")]
    [AuthRoute(Admin = AdminAction.ManageWebhooks, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Delete([FromBody] DeleteWebhookRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RemoveWebhookCommand(request.Id), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    private IActionResult Answer<T>(Result<T> result) =>
        result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
}
