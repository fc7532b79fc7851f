using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.RevokeUserSessions;

/// <summary>
/// End every live session of a user at once (the `revoke-user-sessions` command), e.g. after a
/// suspected account takeover. The rows stay, marked <c>RevokedByOperator</c>, so a later use of one of
/// their tokens is logged as revoked.
/// </summary>
public sealed record RevokeUserSessionsCommand(string? Email) : ICommand<Result<RevokeUserSessionsResult>>;

/// <summary>Whose sessions were revoked, and how many were live.</summary>
public sealed record RevokeUserSessionsResult(string UserId, int RevokedCount);
