using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Sessions.SignOut;

internal sealed class SignOutCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<SignOutCommand, Result<SignOutResult>>
{
    public async ValueTask<Result<SignOutResult>> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (command.Token is not { } token)
        {
            return new SignOutResult(SessionRevoked: false);
        }

        var digest = token.ComputeDigest();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.TokenDigest == digest, cancellationToken);
        if (session is null || session.RevokedAt is not null)
        {
            return new SignOutResult(SessionRevoked: false);
        }

        // The row is kept, marked revoked, so a later use of the token is logged as "revoked", not "unknown".
        session.Revoke(SessionRevocationReason.SignedOut, clock.GetUtcNow());
        audit.Record(AuditEventTypes.SignOut, session.UserId, actorId: session.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return new SignOutResult(SessionRevoked: true);
    }
}
