using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.AddOrganizationMember;

/// <summary>
/// Operator command `add-member --organization --email --role`: makes an existing user a member with roles
/// (comma-separated) known in that organization, within its membership limit. No invitation, no mail.
/// </summary>
public sealed record AddOrganizationMemberCommand(string? Organization, string? Email, string? Role) : ICommand<Result<OrganizationMembership>>;

/// <summary>The member as it now stands.</summary>
public sealed record OrganizationMembership(string OrganizationId, string OrganizationSlug, string UserId, string MemberId, string Role);
