using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.AcceptInvitation;

/// <summary>POST /organization/accept-invitation: the signed-in recipient (verified address) joins and the organization becomes active.</summary>
[OutsideOrganizationGate("the caller is the invited address, not yet a member; the recipient rule decides")]
public sealed record AcceptInvitationCommand(OrganizationActor Actor, string InvitationId) : ICommand<Result<InvitationAnswer>>;

/// <summary>accept's and reject's answer: the invitation and the new member (null on reject).</summary>
public sealed record InvitationAnswer(InvitationDto Invitation, MemberDto? Member);
