using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListUserTeams;

/// <summary>
/// GET /organization/list-user-teams: the caller's teams, in every organization they belong to or in the one named;
/// another member's teams (<paramref name="UserId"/>) in the named or active organization need member:update there.
/// </summary>
public sealed record ListUserTeamsQuery(OrganizationActor Actor, string? UserId, string? OrganizationId)
    : IQuery<Result<IReadOnlyList<TeamDto>>>, IOrganizationRequest
{
    public bool IsSelf => string.IsNullOrEmpty(UserId) || UserId == Actor.UserId;

    public OrganizationGate Gate => IsSelf
        ? new(new OrganizationTarget.Named(OrganizationId, UseActive: false), NoOrganization: null, Errors.Organizations.NotAMember)
        : new(new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.NotAMember,
            OrganizationGate.Needs("member", "update"), Errors.Organizations.NotAllowedToUpdateMember);
}
