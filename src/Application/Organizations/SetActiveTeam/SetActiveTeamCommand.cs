using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.SetActiveTeam;

/// <summary>
/// POST /organization/set-active-team: the session's active team, one of the caller's teams in the active organization.
/// <paramref name="Clear"/> (an explicit null id) clears it; no id re-checks the current one (none: answers null).
/// </summary>
public sealed record SetActiveTeamCommand(OrganizationActor Actor, string? TeamId, bool Clear)
    : ICommand<Result<TeamDto?>>, IOrganizationRequest
{
    public string? Team => Clear ? null : string.IsNullOrEmpty(TeamId) ? Actor.ActiveTeamId : TeamId;

    public OrganizationGate Gate => Team is null
        ? new(new OrganizationTarget.Named(null, UseActive: false), NoOrganization: null, Errors.Organizations.UserNotMember)
        : new(new OrganizationTarget.Named(null), Errors.Organizations.NoActiveOrganization, Errors.Organizations.UserNotMember);
}
