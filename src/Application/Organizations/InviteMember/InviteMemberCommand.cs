using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.InviteMember;

/// <summary>POST /organization/invite-member: invites an address with roles (and teams to join) and mails it (needs invitation:create).</summary>
public sealed record InviteMemberCommand(OrganizationActor Actor, string? Email, IReadOnlyList<string> Roles, string? OrganizationId, bool Resend, IReadOnlyList<string>? TeamIds = null, string? CallbackUrl = null)
    : ICommand<Result<InvitationDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NotFound, Errors.Organizations.MemberNotFound,
        OrganizationGate.Needs("invitation", "create"), Errors.Organizations.NotAllowedToInvite);
}
