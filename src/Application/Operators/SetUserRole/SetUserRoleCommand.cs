using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.SetUserRole;

/// <summary>
/// Operator command `set-role --email --role`: replaces a user's roles (comma-separated), as an administrator's
/// set-role does. The way to make the first administrator, besides Auth:Admin:AdminUserIds.
/// </summary>
public sealed record SetUserRoleCommand(string? Email, string? Role) : ICommand<Result<UserRoleSet>>;

/// <summary>The user and the roles they now hold (stored form).</summary>
public sealed record UserRoleSet(string UserId, string Role);
