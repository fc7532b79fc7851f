using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeSessions;

internal sealed class RevokeSessionsCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RevokeSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        var revoked = await SessionRevocation.RevokeAllAsync(db, command.Actor.User.Id, exceptSessionId: null, SessionRevocationReason.RevokedByUser, now, cancellationToken);
        audit.Record(AuditEventTypes.SessionRevoked, command.Actor.User.Id, reason: $"revoke-sessions: {revoked}");
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
