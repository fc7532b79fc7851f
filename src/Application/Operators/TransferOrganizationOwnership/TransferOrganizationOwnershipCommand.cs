using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.TransferOrganizationOwnership;

/// <summary>
/// Operator command `transfer-ownership --organization --email [--former-owner-role]`: the member with that address
/// becomes an owner (the creator role) and every other owner holds <paramref name="FormerOwnerRole"/> in its place
/// (default admin). Refuses a user who is not a member.
/// </summary>
public sealed record TransferOrganizationOwnershipCommand(string? Organization, string? Email, string? FormerOwnerRole) : ICommand<Result<OwnershipTransferred>>;

/// <summary>The new owner and the members whose roles changed, with their roles now.</summary>
public sealed record OwnershipTransferred(string OrganizationId, string OrganizationSlug, string NewOwnerUserId, IReadOnlyList<(string UserId, string Role)> Changed);
