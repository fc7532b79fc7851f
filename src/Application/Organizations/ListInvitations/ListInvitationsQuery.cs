using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListInvitations;

/// <summary>GET /organization/list-invitations: every invitation of the organization, in all states (needs invitation:create).</summary>
public sealed record ListInvitationsQuery(OrganizationActor Actor, string? OrganizationId)
    : IQuery<Result<IReadOnlyList<InvitationDto>>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NotFound, Errors.Organizations.NotAMember,
        InvitationVisibility.MayInvite, Errors.Organizations.NotAllowedToListInvitations);
}
