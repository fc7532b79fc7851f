using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RevokeUserSessionsCommand, Result<RevokeUserSessionsResult>>
{
    public async ValueTask<Result<RevokeUserSessionsResult>> Handle(RevokeUserSessionsCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);
        var userId = await db.Users.Where(u => u.Email == email.Value).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Errors.UserNotFound;
        }

        var now = clock.GetUtcNow();
        var live = await db.Sessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.AbsoluteExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var session in live)
        {
            session.Revoke(SessionRevocationReason.RevokedByOperator, now);
        }

        audit.Record(AuditEventTypes.SessionRevoked, userId, reason: $"revoke-user-sessions: {live.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return new RevokeUserSessionsResult(userId, live.Count);
    }
}
