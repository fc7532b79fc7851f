using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListTeams;

/// <summary>GET /organization/list-teams: the organization's teams (any member).</summary>
public sealed record ListTeamsQuery(OrganizationActor Actor, string? OrganizationId)
    : IQuery<Result<IReadOnlyList<TeamDto>>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAllowedToAccess);
}
