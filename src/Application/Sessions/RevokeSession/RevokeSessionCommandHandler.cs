using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Sessions.RevokeSession;

internal sealed class RevokeSessionCommandHandler(IAuthDbContext db, TimeProvider clock, IOptions<SessionOptions> sessionOptions, AuditTrail audit)
    : ICommandHandler<RevokeSessionCommand, Result<RevokeSessionResult>>
{
    public async ValueTask<Result<RevokeSessionResult>> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Actor.User.Id;
        var target = await FindOwnSessionAsync(command, userId, cancellationToken);
        if (target is null || target.RevokedAt is not null)
        {
            return new RevokeSessionResult(Revoked: false, RevokedCurrent: false);
        }

        var now = clock.GetUtcNow();
        var isCurrent = target.Id == command.Actor.Session.Id;
        if (!isCurrent && !SessionFreshness.IsFresh(command.Actor.Session.CreatedAt, now, sessionOptions.Value))
        {
            return SecurityErrors.SessionNotFresh;
        }

        target.Revoke(isCurrent ? SessionRevocationReason.SignedOut : SessionRevocationReason.RevokedByUser, now);
        audit.Record(isCurrent ? AuditEventTypes.SignOut : AuditEventTypes.SessionRevoked, userId, reason: $"revoke-session {target.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return new RevokeSessionResult(Revoked: true, RevokedCurrent: isCurrent);
    }

    private async Task<Session?> FindOwnSessionAsync(RevokeSessionCommand command, string userId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(command.Id))
        {
            return await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.Id && s.UserId == userId, cancellationToken);
        }

        // The raw token, or the signed "token.signature" form: only the token part is looked up, and only
        // among the caller's own sessions, so the signature adds nothing here.
        var raw = command.Token!;
        var dot = raw.IndexOf('.', StringComparison.Ordinal);
        if (!SessionToken.TryParse(dot < 0 ? raw : raw[..dot], out var token))
        {
            return null;
        }

        var digest = token.ComputeDigest();
        return await db.Sessions.FirstOrDefaultAsync(s => s.TokenDigest == digest && s.UserId == userId, cancellationToken);
    }
}
