using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Sessions.ListSessions;

/// <summary>The live sessions of a user, newest first, without their tokens. GET /list-sessions.</summary>
public sealed record ListSessionsQuery(string UserId) : IQuery<Result<IReadOnlyList<SessionDto>>>;
