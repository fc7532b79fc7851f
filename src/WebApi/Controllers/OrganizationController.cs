using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.CheckSlug;
using AuthPlatform.Application.Organizations.CreateOrganization;
using AuthPlatform.Application.Organizations.DeleteOrganization;
using AuthPlatform.Application.Organizations.GetFullOrganization;
using AuthPlatform.Application.Organizations.GetOrganization;
using AuthPlatform.Application.Organizations.HasPermission;
using AuthPlatform.Application.Organizations.ListOrganizations;
using AuthPlatform.Application.Organizations.SetActiveOrganization;
using AuthPlatform.Application.Organizations.UpdateOrganization;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Organizations (BetterAuth's organization plugin), under /organization/*. Every route needs a live session; membership
/// and permission are decided by the one organization gate (Application's OrganizationGateBehaviour) before a use case runs.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OrganizationController(ISender sender) : ControllerBase
{
    [EndpointSummary("Creates an organization; the caller becomes its owner and, unless kept, it becomes the active one")]
    [ProducesResponseType<CreatedOrganizationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/create")]
    public async Task<IActionResult> Create([FromBody] CreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        if (!OrganizationRequestShapes.TryMetadata(request.Metadata, out var metadata))
        {
            return this.MetadataIsNoObject();
        }

        return this.Answer(await sender.Send(new CreateOrganizationCommand(
            HttpContext.OrganizationActor(), request.Name, request.Slug, request.Logo, metadata, request.KeepCurrentActiveOrganization ?? false), cancellationToken));
    }

    [EndpointSummary("Whether a slug is free")]
    [ProducesResponseType<SlugStatus>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("organization/check-slug")]
    public async Task<IActionResult> CheckSlug([FromBody] CheckSlugRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new CheckSlugQuery(request.Slug), cancellationToken));

    [EndpointSummary("Changes an organization's name, slug, logo or metadata (organization:update)")]
    [ProducesResponseType<OrganizationParsedDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/update")]
    public async Task<IActionResult> Update([FromBody] UpdateOrganizationRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data ?? new UpdateOrganizationData();
        if (!OrganizationRequestShapes.TryMetadata(data.Metadata, out var metadata))
        {
            return this.MetadataIsNoObject();
        }

        return this.Answer(await sender.Send(new UpdateOrganizationCommand(
            HttpContext.OrganizationActor(), request.OrganizationId, data.Name, data.Slug, data.Logo, metadata), cancellationToken));
    }

    [EndpointSummary("Deletes an organization with its members and invitations (organization:delete)")]
    [ProducesResponseType<OrganizationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/delete")]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Delete([FromBody] OrganizationIdRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new DeleteOrganizationCommand(HttpContext.OrganizationActor(), request.OrganizationId), cancellationToken));

    [EndpointSummary("The organizations the caller belongs to")]
    [ProducesResponseType<IReadOnlyList<OrganizationDto>>(StatusCodes.Status200OK)]
    [HttpGet("organization/list")]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListOrganizationsQuery(HttpContext.CurrentSession().User.Id), cancellationToken));

    [EndpointSummary("An organization the caller belongs to; null when none is named or active")]
    [ProducesResponseType<OrganizationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/get-organization")]
    public async Task<IActionResult> GetOrganization([FromQuery] string? organizationId, [FromQuery] string? organizationSlug, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetOrganizationQuery(HttpContext.OrganizationActor(), organizationId, organizationSlug), cancellationToken));

    [EndpointSummary("An organization with its members and invitations; null when none is named or active")]
    [ProducesResponseType<FullOrganizationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/get-full-organization")]
    public async Task<IActionResult> GetFullOrganization(
        [FromQuery] string? organizationId, [FromQuery] string? organizationSlug, [FromQuery] int? membersLimit, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetFullOrganizationQuery(HttpContext.OrganizationActor(), organizationId, organizationSlug, membersLimit), cancellationToken));

    [EndpointSummary("Sets (or, with a null id, clears) the session's active organization")]
    [ProducesResponseType<OrganizationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [NullableAnswer]
    [HttpPost("organization/set-active")]
    public async Task<IActionResult> SetActive([FromBody] SetActiveOrganizationRequest request, CancellationToken cancellationToken)
    {
        var id = request.OrganizationId;
        if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return ProblemWriter.Result(HttpContext, Errors.ValidationError.WithMessage("organizationId is a string or null."));
        }

        var clear = id.ValueKind == JsonValueKind.Null;
        var organizationId = id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return this.Answer(await sender.Send(
            new SetActiveOrganizationCommand(HttpContext.OrganizationActor(), organizationId, request.OrganizationSlug, clear && request.OrganizationSlug is null), cancellationToken));
    }

    [EndpointSummary("Whether the caller's roles in the organization grant every listed action")]
    [ProducesResponseType<PermissionAnswer>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/has-permission")]
    public async Task<IActionResult> HasPermission([FromBody] OrganizationHasPermissionRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new HasPermissionQuery(HttpContext.OrganizationActor(), request.OrganizationId, request.Permissions), cancellationToken));
}
