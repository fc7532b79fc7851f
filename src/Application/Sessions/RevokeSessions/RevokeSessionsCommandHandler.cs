using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeSessions;

internal sealed class RevokeSessionsCommandHandler(IAuthDbContext db, TimeProvider clock)
    : ICommandHandler<RevokeSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        var revoked = await SessionRevocation.RevokeAllAsync(db, command.Actor.User.Id, exceptSessionId: null, SessionRevocationReason.RevokedByUser, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
