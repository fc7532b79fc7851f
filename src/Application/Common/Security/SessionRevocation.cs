using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// Marks a user's sessions revoked (tracked; the caller saves). Rows are kept, so a later use of a
/// revoked token is logged as "revoked" with its reason rather than "unknown_token".
/// </summary>
public static class SessionRevocation
{
    public static async Task<int> RevokeAllAsync(
        IAuthDbContext db, string userId, string? exceptSessionId, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Sessions past their absolute lifetime can never authenticate again; leave them alone.
        var sessions = await db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.AbsoluteExpiresAt > now && s.Id != exceptSessionId)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(reason, now);
        }

        return sessions.Count;
    }
}
