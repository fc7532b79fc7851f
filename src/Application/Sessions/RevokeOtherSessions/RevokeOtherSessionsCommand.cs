using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeOtherSessions;

/// <summary>
/// End every session of the caller except the current one. POST /revoke-other-sessions.
/// Needs a fresh session.
/// </summary>
public sealed record RevokeOtherSessionsCommand(CurrentSession Actor) : ICommand<Result<int>>;
