using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.CreateRole;
using AuthPlatform.Application.Organizations.DeleteRole;
using AuthPlatform.Application.Organizations.GetRole;
using AuthPlatform.Application.Organizations.ListRoles;
using AuthPlatform.Application.Organizations.UpdateRole;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// An organization's own roles (BetterAuth's dynamic access control). Off unless Auth:Organization:DynamicAccessControl:Enabled;
/// the organization gate answers 404 then, and otherwise decides membership and permission.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OrganizationRoleController(ISender sender) : ControllerBase
{
    [EndpointSummary("Defines a role of the organization's own (ac:create; only statements the caller holds)")]
    [ProducesResponseType<CreatedRole>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("organization/create-role")]
    public async Task<IActionResult> CreateRole([FromBody] CreateRoleRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new CreateRoleCommand(HttpContext.OrganizationActor(), request.Role, request.Permission, request.OrganizationId), cancellationToken));

    [EndpointSummary("The organization's own roles (ac:read)")]
    [ProducesResponseType<IReadOnlyList<OrganizationRoleDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpGet("organization/list-roles")]
    public async Task<IActionResult> ListRoles([FromQuery] string? organizationId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListRolesQuery(HttpContext.OrganizationActor(), organizationId), cancellationToken));

    [EndpointSummary("One of the organization's own roles, by name or id (ac:read)")]
    [ProducesResponseType<OrganizationRoleDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpGet("organization/get-role")]
    public async Task<IActionResult> GetRole([FromQuery] string? roleName, [FromQuery] string? roleId, [FromQuery] string? organizationId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetRoleQuery(HttpContext.OrganizationActor(), roleName, roleId, organizationId), cancellationToken));

    [EndpointSummary("Changes the statements or the name of one of the organization's own roles (ac:update)")]
    [ProducesResponseType<UpdatedRole>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("organization/update-role")]
    public async Task<IActionResult> UpdateRole([FromBody] UpdateRoleRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new UpdateRoleCommand(
            HttpContext.OrganizationActor(), request.RoleName, request.RoleId, request.OrganizationId, request.Data?.Permission, request.Data?.RoleName), cancellationToken));

    [EndpointSummary("Deletes one of the organization's own roles that no member holds (ac:delete)")]
    [ProducesResponseType<DeletedRole>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("organization/delete-role")]
    public async Task<IActionResult> DeleteRole([FromBody] DeleteRoleRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new DeleteRoleCommand(HttpContext.OrganizationActor(), request.RoleName, request.RoleId, request.OrganizationId), cancellationToken));
}
