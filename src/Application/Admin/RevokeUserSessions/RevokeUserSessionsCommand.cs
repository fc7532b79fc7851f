using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.RevokeUserSessions;

/// <summary>POST /admin/revoke-user-sessions: ends every session of a user.</summary>
public sealed record RevokeUserSessionsCommand(string? UserId) : ICommand<Result<bool>>;
