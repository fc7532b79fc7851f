using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.RemoveTeam;

/// <summary>POST /organization/remove-team: removes a team of the organization (needs team:delete), never the caller's active team.</summary>
public sealed record RemoveTeamCommand(OrganizationActor Actor, string? TeamId, string? OrganizationId)
    : ICommand<Result<TeamMessage>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAllowedToDeleteTeam,
        OrganizationGate.Needs("team", "delete"), Errors.Organizations.NotAllowedToDeleteTeams);
}
