using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using MapsterMapper;
using Mediator;

namespace AuthPlatform.Application.Sessions.ListSessions;

internal sealed class ListSessionsQueryHandler(IAuthDbContext db, IMapper mapper, TimeProvider clock)
    : IQueryHandler<ListSessionsQuery, Result<IReadOnlyList<SessionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionDto>>> Handle(ListSessionsQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<SessionDto>>.Success(await LiveSessions.ListAsync(db, mapper, query.UserId, includeImpersonations: false, clock.GetUtcNow(), cancellationToken));
}
