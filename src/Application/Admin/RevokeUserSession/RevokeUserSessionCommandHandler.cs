using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.RevokeUserSession;

internal sealed class RevokeUserSessionCommandHandler(IAuthDbContext db, TimeProvider clock)
    : ICommandHandler<RevokeUserSessionCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RevokeUserSessionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionToken && s.RevokedAt == null, cancellationToken);
        session?.Revoke(SessionRevocationReason.RevokedByOperator, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
