using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// A user's live sessions, newest first, without their tokens: what list-sessions shows the user and list-user-sessions
/// an administrator. The user's own list leaves out sessions an administrator opened as them (BetterAuth hides them).
/// </summary>
public static class LiveSessions
{
    public static async Task<IReadOnlyList<SessionDto>> ListAsync(IAuthDbContext db, IMapper mapper, string userId, bool includeImpersonations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.AbsoluteExpiresAt > now)
            .Where(s => includeImpersonations || s.ImpersonatedBy == null)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return sessions.Select(mapper.Map<SessionDto>).ToList();
    }
}
