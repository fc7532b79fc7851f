using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.DisableUser;

/// <summary>
/// Disable an account (operator command `disable-user --email`): it can no longer sign in, and every
/// session it holds ends at once (reason UserDisabled).
/// </summary>
public sealed record DisableUserCommand(string? Email) : ICommand<Result<UserAccessRemoved>>;

/// <summary>What an operator command removed: the user and how many live sessions were revoked.</summary>
public sealed record UserAccessRemoved(string UserId, int SessionsRevoked);
