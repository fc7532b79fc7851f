using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.RemoveTeamMember;

/// <summary>POST /organization/remove-team-member: takes a member out of one of the organization's teams (needs member:delete).</summary>
public sealed record RemoveTeamMemberCommand(OrganizationActor Actor, string? TeamId, string? UserId, string? OrganizationId)
    : ICommand<Result<TeamMessage>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.UserNotMember,
        OrganizationGate.Needs("member", "delete"), Errors.Organizations.NotAllowedToRemoveTeamMember);
}
