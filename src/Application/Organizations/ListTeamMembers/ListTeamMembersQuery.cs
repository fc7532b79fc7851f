using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListTeamMembers;

/// <summary>GET /organization/list-team-members: the members of a team (the session's active one by default); only its own members may look.</summary>
public sealed record ListTeamMembersQuery(OrganizationActor Actor, string? TeamId)
    : IQuery<Result<IReadOnlyList<TeamMemberDto>>>, IOrganizationRequest
{
    public string? Team => string.IsNullOrEmpty(TeamId) ? Actor.ActiveTeamId : TeamId;

    public OrganizationGate Gate => new(
        new OrganizationTarget.OfTeam(Team), Errors.Organizations.NoActiveTeam, Errors.Organizations.NotTeamMember);
}
