using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeSessions;

/// <summary>
/// End every session of the caller, the current one included ("sign out everywhere"). POST /revoke-sessions.
/// Needs a fresh session: it ends other sessions too.
/// </summary>
public sealed record RevokeSessionsCommand(CurrentSession Actor) : ICommand<Result<int>>;
