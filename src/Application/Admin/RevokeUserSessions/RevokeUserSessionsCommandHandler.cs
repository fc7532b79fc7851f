using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Admin.RevokeUserSessions;

internal sealed class RevokeUserSessionsCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RevokeUserSessionsCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RevokeUserSessionsCommand command, CancellationToken cancellationToken)
    {
        await SessionRevocation.RevokeAllAsync(db, command.UserId!, exceptSessionId: null, SessionRevocationReason.RevokedByOperator, clock.GetUtcNow(), cancellationToken);
        audit.Record(AuditEventTypes.SessionRevoked, command.UserId, reason: "revoke-user-sessions");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
