using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.RevokeSessions;

internal sealed class RevokeSessionsCommandHandler(IAuthDbContext db, TimeProvider clock, IOptions<SessionOptions> sessionOptions)
    : ICommandHandler<RevokeSessionsCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RevokeSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!SessionFreshness.IsFresh(command.Actor.Session.CreatedAt, now, sessionOptions.Value))
        {
            return SecurityErrors.SessionNotFresh;
        }

        var revoked = await SessionRevocation.RevokeAllAsync(db, command.Actor.User.Id, exceptSessionId: null, SessionRevocationReason.RevokedByUser, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
