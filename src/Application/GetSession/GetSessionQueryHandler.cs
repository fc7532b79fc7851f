using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.GetSession;

internal sealed class GetSessionQueryHandler(
    IAuthDbContext db,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    ILogger<GetSessionQueryHandler> logger)
    : IQueryHandler<GetSessionQuery, Result<SessionLookup>>
{
    public async ValueTask<Result<SessionLookup>> Handle(GetSessionQuery query, CancellationToken cancellationToken)
    {
        var digest = query.Token.ComputeDigest();
        var row = await SessionLookupQuery.FindAsync(db, digest, cancellationToken);

        if (row is null)
        {
            return Reject(CredentialRejection.UnknownToken, query, null, null);
        }

        var now = clock.GetUtcNow();
        var session = row.Session;
        var rejection = session.StatusAt(now) switch
        {
            SessionStatus.Revoked => CredentialRejection.Revoked,
            SessionStatus.Expired => CredentialRejection.Expired,
            SessionStatus.LifetimeExceeded => CredentialRejection.LifetimeExceeded,
            _ => row.User is null ? CredentialRejection.UserGone
                : row.User.IsDisabled ? CredentialRejection.UserDisabled
                : (CredentialRejection?)null,
        };
        if (rejection is { } reason)
        {
            return Reject(reason, query, session.Id, session.UserId);
        }

        var refreshed = false;
        var lifetime = sessionOptions.Value.ToLifetime();
        if (!query.DisableRefresh && session.IsRefreshDue(lifetime, now))
        {
            // Attach before changing so EF writes only expires_at and updated_at: a concurrent
            // revocation of the same row is never overwritten.
            db.Sessions.Attach(session);
            refreshed = session.Refresh(lifetime, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SessionLookup(new CurrentSession(mapper.Map<SessionDto>(session), mapper.Map<UserDto>(row.User!), session.RememberMe), null, refreshed);
    }

    private Result<SessionLookup> Reject(CredentialRejection rejection, GetSessionQuery query, string? sessionId, string? userId)
    {
        CredentialRejectionLog.Log(logger, rejection, query.CredentialSource, sessionId, userId);
        return SessionLookup.Rejected(rejection);
    }
}
