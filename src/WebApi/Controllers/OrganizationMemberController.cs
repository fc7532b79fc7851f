using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.GetActiveMember;
using AuthPlatform.Application.Organizations.GetActiveMemberRole;
using AuthPlatform.Application.Organizations.LeaveOrganization;
using AuthPlatform.Application.Organizations.ListMembers;
using AuthPlatform.Application.Organizations.RemoveMember;
using AuthPlatform.Application.Organizations.UpdateMemberRole;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>An organization's members (BetterAuth's organization plugin). The organization gate decides membership and permission.</summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OrganizationMemberController(ISender sender) : ControllerBase
{
    [EndpointSummary("A page of the organization's members with their users")]
    [ProducesResponseType<MemberPage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/list-members")]
    public async Task<IActionResult> ListMembers(
        [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] string? sortBy, [FromQuery] string? sortDirection,
        [FromQuery] string? organizationId, [FromQuery] string? organizationSlug, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListMembersQuery(HttpContext.OrganizationActor(), organizationId, organizationSlug, limit, offset, sortBy, sortDirection), cancellationToken));

    [EndpointSummary("The caller's membership of the active organization")]
    [ProducesResponseType<MemberWithUserDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpGet("organization/get-active-member")]
    public async Task<IActionResult> GetActiveMember(CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetActiveMemberQuery(HttpContext.OrganizationActor()), cancellationToken));

    [EndpointSummary("The roles of the caller (or of another member) in the organization")]
    [ProducesResponseType<MemberRole>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/get-active-member-role")]
    public async Task<IActionResult> GetActiveMemberRole(
        [FromQuery] string? userId, [FromQuery] string? organizationId, [FromQuery] string? organizationSlug, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetActiveMemberRoleQuery(HttpContext.OrganizationActor(), userId, organizationId, organizationSlug), cancellationToken));

    [EndpointSummary("Replaces a member's roles (member:update; only an owner makes or unmakes an owner)")]
    [ProducesResponseType<MemberDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/update-member-role")]
    public async Task<IActionResult> UpdateMemberRole([FromBody] UpdateMemberRoleRequest request, CancellationToken cancellationToken)
    {
        if (OrganizationRequestShapes.Roles(request.Role) is not { } roles)
        {
            return this.RoleIsNoString();
        }

        return this.Answer(await sender.Send(new UpdateMemberRoleCommand(HttpContext.OrganizationActor(), request.MemberId, roles, request.OrganizationId), cancellationToken));
    }

    [EndpointSummary("Removes a member, by id or address (member:delete; never the last owner)")]
    [ProducesResponseType<RemovedMember>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("organization/remove-member")]
    public async Task<IActionResult> RemoveMember([FromBody] RemoveMemberRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new RemoveMemberCommand(HttpContext.OrganizationActor(), request.MemberIdOrEmail, request.OrganizationId), cancellationToken));

    [EndpointSummary("The caller leaves the organization (never its last owner)")]
    [ProducesResponseType<MemberWithUserDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("organization/leave")]
    public async Task<IActionResult> Leave([FromBody] OrganizationIdRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new LeaveOrganizationCommand(HttpContext.OrganizationActor(), request.OrganizationId), cancellationToken));
}
