using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListUserInvitations;

/// <summary>GET /organization/list-user-invitations: the pending invitations to the caller's verified address.</summary>
[OutsideOrganizationGate("lists invitations to the caller's own address")]
public sealed record ListUserInvitationsQuery(OrganizationActor Actor) : IQuery<Result<IReadOnlyList<UserInvitationDto>>>;

public sealed record UserInvitationDto(
    string Id, string OrganizationId, string Email, string Role, string Status, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, string InviterId, string OrganizationName);
