using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.RevokeUserSession;

internal sealed class RevokeUserSessionCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RevokeUserSessionCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RevokeUserSessionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionToken && s.RevokedAt == null, cancellationToken);
        session?.Revoke(SessionRevocationReason.RevokedByOperator, now);
        if (session is not null)
        {
            audit.Record(AuditEventTypes.SessionRevoked, session.UserId, reason: $"revoke-user-session {session.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
