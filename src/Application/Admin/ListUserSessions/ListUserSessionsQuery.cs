using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.ListUserSessions;

/// <summary>POST /admin/list-user-sessions: a user's live sessions (without tokens), newest first.</summary>
public sealed record ListUserSessionsQuery(string? UserId) : IQuery<Result<IReadOnlyList<SessionDto>>>;
