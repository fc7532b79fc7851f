using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Sessions.ListSessions;

internal sealed class ListSessionsQueryHandler(IAuthDbContext db, IMapper mapper, TimeProvider clock)
    : IQueryHandler<ListSessionsQuery, Result<IReadOnlyList<SessionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionDto>>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == query.UserId && s.RevokedAt == null && s.ExpiresAt > now && s.AbsoluteExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return sessions.Select(mapper.Map<SessionDto>).ToList();
    }
}
