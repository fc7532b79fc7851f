using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetInvitation;

/// <summary>GET /organization/get-invitation: an open invitation, to its signed-in recipient, with the organization and inviter.</summary>
[OutsideOrganizationGate("the caller is the invited address, not a member")]
public sealed record GetInvitationQuery(OrganizationActor Actor, string? Id) : IQuery<Result<InvitationDetails>>;

public sealed record InvitationDetails(
    string Id, string OrganizationId, string Email, string Role, string Status, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, string InviterId,
    string OrganizationName, string OrganizationSlug, string InviterEmail);
