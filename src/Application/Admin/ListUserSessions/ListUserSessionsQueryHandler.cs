using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using MapsterMapper;
using Mediator;

namespace AuthPlatform.Application.Admin.ListUserSessions;

/// <summary>The user's own list-sessions, asked for another user.</summary>
internal sealed class ListUserSessionsQueryHandler(IAuthDbContext db, IMapper mapper, TimeProvider clock)
    : IQueryHandler<ListUserSessionsQuery, Result<IReadOnlyList<SessionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionDto>>> Handle(ListUserSessionsQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<SessionDto>>.Success(await LiveSessions.ListAsync(db, mapper, query.UserId!, includeImpersonations: true, clock.GetUtcNow(), cancellationToken));
}
