using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Sessions;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Sessions.GetSession;

internal sealed class GetSessionQueryHandler(
    IAuthDbContext db,
    ISessionCache cache,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    ILogger<GetSessionQueryHandler> logger)
    : IQueryHandler<GetSessionQuery, Result<SessionLookup>>
{
    public async ValueTask<Result<SessionLookup>> Handle(GetSessionQuery query, CancellationToken cancellationToken)
    {
        var digest = query.Token.ComputeDigest();
        var lifetime = sessionOptions.Value.ToLifetime();

        // Taken before the database read, so a change announced while the read is under way keeps its
        // (possibly stale) row out of the cache.
        var ticket = cache.BeginRead();
        if (ticket is not null && cache.TryGet(digest, out var cached) && IsAnswerableFromCache(cached!.Session, query, lifetime))
        {
            AuthMetrics.SessionCacheLookup(hit: true);
            return new SessionLookup(cached.Answer, null, false);
        }

        if (ticket is not null)
        {
            AuthMetrics.SessionCacheLookup(hit: false); // the cache is on, and this lookup reads the database
        }

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
                : row.User.IsDisabledAt(now) ? CredentialRejection.UserDisabled
                : (CredentialRejection?)null,
        };
        if (rejection is { } reason)
        {
            return Reject(reason, query, session.Id, session.UserId);
        }

        var refreshed = false;
        if (!query.DisableRefresh && session.IsRefreshDue(lifetime, now))
        {
            // Attach before changing so EF writes only expires_at and updated_at: a concurrent
            // revocation of the same row is never overwritten.
            db.Sessions.Attach(session);
            refreshed = session.Refresh(lifetime, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var role = session.ActiveOrganizationId is { } organizationId
            ? await db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.UserId == session.UserId).Select(m => m.Role).FirstOrDefaultAsync(cancellationToken)
            : null;
        var current = new CurrentSession(mapper.Map<SessionDto>(session), mapper.Map<UserDto>(row.User!), session.RememberMe)
        {
            IsCachedAnswer = ticket is not null && !refreshed,
            ActiveOrganizationRole = role,
        };
        if (ticket is { } readTicket && !refreshed)
        {
            // A refreshed row is not stored: its own change notification is on its way and would drop it.
            cache.Store(digest, new CachedSession(session, current), readTicket);
        }

        return new SessionLookup(current, null, refreshed);
    }

    /// <summary>
    /// Only a live answer comes from memory, and only when the database would give the same one: expiry and
    /// the absolute lifetime are checked now, and a due sliding refresh goes to the database to be written.
    /// Every refusal is decided on the row itself.
    /// </summary>
    private bool IsAnswerableFromCache(Session session, GetSessionQuery query, SessionLifetime lifetime)
    {
        var now = clock.GetUtcNow();
        return session.IsLiveAt(now) && (query.DisableRefresh || !session.IsRefreshDue(lifetime, now));
    }

    private Result<SessionLookup> Reject(CredentialRejection rejection, GetSessionQuery query, string? sessionId, string? userId)
    {
        CredentialRejectionLog.Log(logger, rejection, query.CredentialSource, sessionId, userId);
        return SessionLookup.Rejected(rejection);
    }
}
