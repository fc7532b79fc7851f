using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.ListSessions;
using Mediator;

namespace AuthPlatform.Application.Admin.ListUserSessions;

/// <summary>The user's own list-sessions, asked for another user.</summary>
internal sealed class ListUserSessionsQueryHandler(ISender sender)
    : IQueryHandler<ListUserSessionsQuery, Result<IReadOnlyList<SessionDto>>>
{
    public ValueTask<Result<IReadOnlyList<SessionDto>>> Handle(ListUserSessionsQuery query, CancellationToken cancellationToken) =>
        sender.Send(new ListSessionsQuery(query.UserId!), cancellationToken);
}
