using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.AddTeamMember;

/// <summary>POST /organization/add-team-member: puts a member of the organization in one of its teams (needs member:update).</summary>
public sealed record AddTeamMemberCommand(OrganizationActor Actor, string? TeamId, string? UserId, string? OrganizationId)
    : ICommand<Result<TeamMemberDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.UserNotMember,
        OrganizationGate.Needs("member", "update"), Errors.Organizations.NotAllowedToAddTeamMember);
}
