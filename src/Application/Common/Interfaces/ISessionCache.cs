using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Live sessions held in memory, keyed by token digest, so a session check needs no database round trip.
/// The implementation keeps every instance's copy coherent (PostgreSQL LISTEN/NOTIFY; see
/// docs/adr/0095-coherent-session-cache.md) and answers nothing while it cannot vouch for that: then
/// <see cref="BeginRead"/> returns null and every lookup goes to the database.
/// </summary>
public interface ISessionCache
{
    /// <summary>
    /// Starts a lookup. Null while the cache is off or cannot be trusted (listener down or reconnecting):
    /// read the database and do not store. Otherwise a ticket for <see cref="TryGet"/> and <see cref="Store"/>.
    /// </summary>
    SessionCacheTicket? BeginRead();

    /// <summary>The cached live session for this digest, if any. The caller still checks expiry and lifetime.</summary>
    bool TryGet(byte[] tokenDigest, out CachedSession? entry);

    /// <summary>
    /// Stores a session read from the database after <paramref name="ticket"/> was taken. Dropped when a
    /// change of that session or user (or a cache reset) was announced since, so a row read before a
    /// revocation can never be stored after the revocation's notification was applied.
    /// </summary>
    void Store(byte[] tokenDigest, CachedSession entry, SessionCacheTicket ticket);
}

/// <summary>The cache's position in its stream of invalidations when a lookup started.</summary>
public readonly record struct SessionCacheTicket(long Sequence);

/// <summary>A live session as read from the database, and the answer built from it.</summary>
public sealed record CachedSession(Session Session, CurrentSession Answer);
