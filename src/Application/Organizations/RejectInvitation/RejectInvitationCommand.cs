using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations.AcceptInvitation;
using Mediator;

namespace AuthPlatform.Application.Organizations.RejectInvitation;

/// <summary>POST /organization/reject-invitation: the recipient declines a pending invitation.</summary>
[OutsideOrganizationGate("the caller is the invited address, not a member")]
public sealed record RejectInvitationCommand(OrganizationActor Actor, string InvitationId) : ICommand<Result<InvitationAnswer>>;
