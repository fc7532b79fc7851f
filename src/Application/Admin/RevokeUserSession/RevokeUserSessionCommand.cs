using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.RevokeUserSession;

/// <summary>
/// POST /admin/revoke-user-session: ends one session of any user, named by its id (BetterAuth's sessionToken field;
/// tokens are never shown, so the id from list-user-sessions is what an administrator has).
/// </summary>
public sealed record RevokeUserSessionCommand(string? SessionToken) : ICommand<Result<bool>>;
