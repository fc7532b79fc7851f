using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.CancelInvitation;

/// <summary>POST /organization/cancel-invitation: withdraws a pending invitation (needs invitation:cancel in its organization).</summary>
public sealed record CancelInvitationCommand(OrganizationActor Actor, string InvitationId)
    : ICommand<Result<InvitationDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.OfInvitation(InvitationId), Errors.Organizations.InvitationNotFound, Errors.Organizations.MemberNotFound,
        OrganizationGate.Needs("invitation", "cancel"), Errors.Organizations.NotAllowedToCancelInvitation);
}
