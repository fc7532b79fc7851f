using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeOtherSessions;

internal sealed class RevokeOtherSessionsCommandHandler(IAuthDbContext db, TimeProvider clock)
    : ICommandHandler<RevokeOtherSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        var revoked = await SessionRevocation.RevokeAllAsync(db, command.Actor.User.Id, exceptSessionId: command.Actor.Session.Id, SessionRevocationReason.RevokedByUser, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
