using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.CreateTeam;

/// <summary>POST /organization/create-team: a team in the organization (needs team:create), within MaximumTeams.</summary>
public sealed record CreateTeamCommand(OrganizationActor Actor, string? Name, string? OrganizationId)
    : ICommand<Result<TeamDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAllowedToInvite,
        OrganizationGate.Needs("team", "create"), Errors.Organizations.NotAllowedToCreateTeams);
}
