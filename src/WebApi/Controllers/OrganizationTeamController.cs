using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Application.Organizations.AddTeamMember;
using AuthPlatform.Application.Organizations.CreateTeam;
using AuthPlatform.Application.Organizations.ListTeamMembers;
using AuthPlatform.Application.Organizations.ListTeams;
using AuthPlatform.Application.Organizations.ListUserTeams;
using AuthPlatform.Application.Organizations.RemoveTeam;
using AuthPlatform.Application.Organizations.RemoveTeamMember;
using AuthPlatform.Application.Organizations.SetActiveTeam;
using AuthPlatform.Application.Organizations.UpdateTeam;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>An organization's teams (BetterAuth's organization plugin, teams). The organization gate decides membership and permission.</summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OrganizationTeamController(ISender sender) : ControllerBase
{
    [EndpointSummary("Creates a team in the organization (team:create)")]
    [ProducesResponseType<TeamDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/create-team")]
    public async Task<IActionResult> CreateTeam([FromBody] CreateTeamRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new CreateTeamCommand(HttpContext.OrganizationActor(), request.Name, request.OrganizationId), cancellationToken));

    [EndpointSummary("Renames a team (team:update)")]
    [ProducesResponseType<TeamDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/update-team")]
    public async Task<IActionResult> UpdateTeam([FromBody] UpdateTeamRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new UpdateTeamCommand(HttpContext.OrganizationActor(), request.TeamId, request.Data?.Name, request.Data?.OrganizationId), cancellationToken));

    [EndpointSummary("Removes a team (team:delete; never the caller's active team, nor the last one unless allowed)")]
    [ProducesResponseType<TeamMessage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/remove-team")]
    public async Task<IActionResult> RemoveTeam([FromBody] RemoveTeamRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new RemoveTeamCommand(HttpContext.OrganizationActor(), request.TeamId, request.OrganizationId), cancellationToken));

    [EndpointSummary("The organization's teams")]
    [ProducesResponseType<IReadOnlyList<TeamDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/list-teams")]
    public async Task<IActionResult> ListTeams([FromQuery] string? organizationId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListTeamsQuery(HttpContext.OrganizationActor(), organizationId), cancellationToken));

    [EndpointSummary("The caller's teams (or another member's, with member:update)")]
    [ProducesResponseType<IReadOnlyList<TeamDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("organization/list-user-teams")]
    public async Task<IActionResult> ListUserTeams([FromQuery] string? userId, [FromQuery] string? organizationId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListUserTeamsQuery(HttpContext.OrganizationActor(), userId, organizationId), cancellationToken));

    [EndpointSummary("The members of a team the caller belongs to (the active team by default)")]
    [ProducesResponseType<IReadOnlyList<TeamMemberDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpGet("organization/list-team-members")]
    public async Task<IActionResult> ListTeamMembers([FromQuery] string? teamId, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new ListTeamMembersQuery(HttpContext.OrganizationActor(), teamId), cancellationToken));

    [EndpointSummary("Puts a member of the organization in a team (member:update)")]
    [ProducesResponseType<TeamMemberDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/add-team-member")]
    public async Task<IActionResult> AddTeamMember([FromBody] TeamMemberRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new AddTeamMemberCommand(HttpContext.OrganizationActor(), request.TeamId, request.UserId, request.OrganizationId), cancellationToken));

    [EndpointSummary("Takes a member out of a team (member:delete)")]
    [ProducesResponseType<TeamMessage>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("organization/remove-team-member")]
    public async Task<IActionResult> RemoveTeamMember([FromBody] TeamMemberRequest request, CancellationToken cancellationToken) =>
        this.Answer(await sender.Send(new RemoveTeamMemberCommand(HttpContext.OrganizationActor(), request.TeamId, request.UserId, request.OrganizationId), cancellationToken));

    [EndpointSummary("Sets (or, with a null id, clears) the session's active team, one of the caller's teams in the active organization")]
    [ProducesResponseType<TeamDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [NullableAnswer]
    [HttpPost("organization/set-active-team")]
    public async Task<IActionResult> SetActiveTeam([FromBody] SetActiveTeamRequest request, CancellationToken cancellationToken)
    {
        var id = request.TeamId;
        if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return ProblemWriter.Result(HttpContext, Errors.ValidationError.WithMessage("teamId is a string or null."));
        }

        var teamId = id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return this.Answer(await sender.Send(new SetActiveTeamCommand(HttpContext.OrganizationActor(), teamId, id.ValueKind == JsonValueKind.Null), cancellationToken));
    }
}
