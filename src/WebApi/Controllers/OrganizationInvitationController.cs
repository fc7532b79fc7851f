using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.AcceptInvitation;
using AuthPlatform.Application.Organizations.CancelInvitation;
using AuthPlatform.Application.Organizations.GetInvitation;
using AuthPlatform.Application.Organizations.InviteMember;
using AuthPlatform.Application.Organizations.ListInvitations;
using AuthPlatform.Application.Organizations.ListUserInvitations;
using AuthPlatform.Application.Organizations.RejectInvitation;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Invitations to organizations (BetterAuth's organization plugin). Inviting and canceling pass the organization gate;
/// answering and seeing an invitation is for its signed-in recipient, whose address must be verified.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OrganizationInvitationController(ISender sender) : ControllerBase
{
    [EndpointSummary("Invites an address with roles and mails the invitation (invitation:create; hourly limits per organization and address)")]
    [ProducesResponseType<InvitationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status429TooManyRequests)]
    [HttpPost("organization/invite-member")]
    public async Task<IActionResult> InviteMember([FromBody] InviteMemberRequest request, CancellationToken cancellationToken)
    {
        if (OrganizationRequestShapes.Roles(request.Role) is not { } roles)
        {
            return this.RoleIsNoString();
        }

        if (!OrganizationRequestShapes.TryOptionalStrings(request.TeamId, out var teamIds))
        {
            return ProblemWriter.Result(HttpContext, Errors.ValidationError.WithMessage("teamId is a string or an array of strings."));
        }

        return this.Answer(await sender.Send(
            new InviteMemberCommand(HttpContext.OrganizationActor(), request.Email, roles, request.OrganizationId, request.Resend ?? false, teamIds, request.CallbackURL), cancellationToken));
    }

    [EndpointSummary("Withdraws a pending invitation (invitation:cancel)")]
    [ProducesResponseType<InvitationDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/cancel-invitation")]
    public async Task<IActionResult> CancelInvitation([FromBody] InvitationIdRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new CancelInvitationCommand(HttpContext.OrganizationActor(), request.InvitationId ?? string.Empty), cancellationToken));

    [EndpointSummary("The recipient (verified address) accepts an invitation and joins the organization")]
    [ProducesResponseType<InvitationAnswer>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/accept-invitation")]
    public async Task<IActionResult> AcceptInvitation([FromBody] InvitationIdRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new AcceptInvitationCommand(HttpContext.OrganizationActor(), request.InvitationId ?? string.Empty), cancellationToken));

    [EndpointSummary("The recipient (verified address) declines an invitation")]
    [ProducesResponseType<InvitationAnswer>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/reject-invitation")]
    public async Task<IActionResult> RejectInvitation([FromBody] InvitationIdRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new RejectInvitationCommand(HttpContext.OrganizationActor(), request.InvitationId ?? string.Empty), cancellationToken));

    [EndpointSummary("An open invitation, to its recipient, with the organization and the inviter")]
    [ProducesResponseType<InvitationDetails>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/get-invitation")]
    public async Task<IActionResult> GetInvitation([FromQuery] string? id, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new GetInvitationQuery(HttpContext.OrganizationActor(), id), cancellationToken));

    [EndpointSummary("The organization's invitations in every state (invitation:create)")]
    [ProducesResponseType<IReadOnlyList<InvitationDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/list-invitations")]
    public async Task<IActionResult> ListInvitations([FromQuery] string? organizationId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListInvitationsQuery(HttpContext.OrganizationActor(), organizationId), cancellationToken));

    [EndpointSummary("The pending invitations to the caller's verified address")]
    [ProducesResponseType<IReadOnlyList<UserInvitationDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/list-user-invitations")]
    public async Task<IActionResult> ListUserInvitations(CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListUserInvitationsQuery(HttpContext.OrganizationActor()), cancellationToken));
}
