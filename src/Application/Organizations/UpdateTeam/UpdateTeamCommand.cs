using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.UpdateTeam;

/// <summary>POST /organization/update-team: renames a team of the organization (needs team:update).</summary>
public sealed record UpdateTeamCommand(OrganizationActor Actor, string? TeamId, string? Name, string? OrganizationId)
    : ICommand<Result<TeamDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAllowedToUpdateTeam,
        OrganizationGate.Needs("team", "update"), Errors.Organizations.NotAllowedToUpdateTeam);
}
