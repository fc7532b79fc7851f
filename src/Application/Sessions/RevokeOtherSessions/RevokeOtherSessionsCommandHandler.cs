using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RevokeOtherSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        var revoked = await SessionRevocation.RevokeAllAsync(db, command.Actor.User.Id, exceptSessionId: command.Actor.Session.Id, SessionRevocationReason.RevokedByUser, now, cancellationToken);
        audit.Record(AuditEventTypes.SessionRevoked, command.Actor.User.Id, reason: $"revoke-other-sessions: {revoked}");
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
