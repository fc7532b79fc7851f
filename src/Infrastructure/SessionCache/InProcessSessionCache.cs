using AuthPlatform.Application.ApiKeys;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Organizations;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Live sessions, organization memberships and rosters, and API keys that count no uses, in memory, answered only while
/// <see cref="SessionChangeListener"/> vouches that every change notification reaches this instance
/// (docs/adr/0095-coherent-session-cache.md, 0133, 0131).
/// Each entry is filed under the tags of the rows it was read from (<see cref="CacheTags"/>); a notification, or a
/// save on this instance (<see cref="LocalSessionInvalidation"/>), removes every entry under its tag.
/// Reads are lock-free; stores and invalidations take one lock, which keeps the tag indexes exact and makes
/// "was this row changed since the read began?" a plain comparison of sequence numbers.
/// </summary>
public sealed class InProcessSessionCache : ISessionCache, IMembershipCache, IOrganizationRosterCache, IApiKeyCache
{
    private const int Stripes = 4096;

    private readonly TaggedStore<TokenDigestKey, CachedSession> _sessions;
    private readonly TaggedStore<(string OrganizationId, string UserId), CachedMembership> _memberships;
    private readonly TaggedStore<string, OrganizationRoster> _rosters;
    private readonly TaggedStore<TokenDigestKey, CachedApiKey> _apiKeys;
    private readonly long[] _tagChangedAt = new long[Stripes]; // sequence of the last change per tag stripe
    private readonly Lock _gate = new();
    private readonly long _maxSilenceMs;

    private long _sequence;
    private long _resetAt;
    private long _confirmedAt;
    private volatile bool _trusted;

    public InProcessSessionCache(IOptions<SessionCacheOptions> options)
    {
        var maxEntries = options.Value.MaxEntries;
        var maxAgeMs = (long)options.Value.MaxAge.TotalMilliseconds;
        _sessions = new(maxEntries, maxAgeMs);
        _memberships = new(maxEntries, maxAgeMs);
        _rosters = new(maxEntries, maxAgeMs);
        _apiKeys = new(maxEntries, maxAgeMs);
        _maxSilenceMs = (long)SilenceBound(options.Value).TotalMilliseconds;
    }

    /// <summary>
    /// How long the cache answers after the listener's last heartbeat echo, and how long the listener waits
    /// for an echo before it reconnects: three heartbeat intervals.
    /// </summary>
    public static TimeSpan SilenceBound(SessionCacheOptions options) => 3 * options.HeartbeatInterval;

    /// <summary>True while lookups may be answered from memory (for logs and tests).</summary>
    public bool IsServing => BeginRead() is not null;

    public int Count => _sessions.Count;

    public int MembershipCount => _memberships.Count;

    public int RosterCount => _rosters.Count;

    public int ApiKeyCount => _apiKeys.Count;

    public SessionCacheTicket? BeginRead()
    {
        if (!_trusted || Environment.TickCount64 - Volatile.Read(ref _confirmedAt) > _maxSilenceMs)
        {
            return null;
        }

        return new SessionCacheTicket(Volatile.Read(ref _sequence));
    }

    public bool TryGet(byte[] tokenDigest, out CachedSession? entry) => _sessions.TryGet(TokenDigestKey.From(tokenDigest), out entry);

    public void Store(byte[] tokenDigest, CachedSession entry, SessionCacheTicket ticket) =>
        Store(_sessions, TokenDigestKey.From(tokenDigest), entry, ticket, [CacheTags.User(entry.Session.UserId), CacheTags.Session(entry.Session.Id)]);

    public bool TryGet(string organizationId, string userId, out CachedMembership? entry) => _memberships.TryGet((organizationId, userId), out entry);

    public void Store(CachedMembership entry, SessionCacheTicket ticket) =>
        Store(_memberships, (entry.Organization.Id, entry.Member.UserId), entry, ticket, [CacheTags.User(entry.Member.UserId), CacheTags.Organization(entry.Organization.Id)]);

    public bool TryGet(string organizationId, out OrganizationRoster? roster) => _rosters.TryGet(organizationId, out roster);

    /// <summary>Filed under the organization and every member's user: a new name or address of a member ends it too.</summary>
    public void Store(OrganizationRoster roster, SessionCacheTicket ticket) =>
        Store(_rosters, roster.OrganizationId, roster, ticket, [CacheTags.Organization(roster.OrganizationId), .. roster.Members.Select(m => CacheTags.User(m.UserId))]);

    public bool TryGet(byte[] keyDigest, out CachedApiKey? entry) => _apiKeys.TryGet(TokenDigestKey.From(keyDigest), out entry);

    public void Store(CachedApiKey entry, SessionCacheTicket ticket) =>
        Store(_apiKeys, TokenDigestKey.From(entry.Key.KeyDigest), entry, ticket, [CacheTags.User(entry.Key.UserId), CacheTags.ApiKey(entry.Key.Id)]);

    /// <summary>A change notification from the database (<see cref="CacheTags.FromNotification"/>).</summary>
    public void Apply(string notification)
    {
        if (CacheTags.FromNotification(notification) is { } tag)
        {
            Invalidate(tag);
        }
        else
        {
            Clear();
        }
    }

    /// <summary>The row behind <paramref name="tag"/> changed or was deleted: every entry read from it goes.</summary>
    public void Invalidate(string tag)
    {
        lock (_gate)
        {
            _tagChangedAt[Stripe(tag)] = Advance();
            _sessions.RemoveTagged(tag);
            _memberships.RemoveTagged(tag);
            _rosters.RemoveTagged(tag);
            _apiKeys.RemoveTagged(tag);
        }
    }

    /// <summary>
    /// The listener is (again) subscribed, proven by a heartbeat echo: start answering from an empty cache,
    /// since notifications sent while it was away are lost.
    /// </summary>
    public void StartServing()
    {
        lock (_gate)
        {
            ClearLocked();
            Volatile.Write(ref _confirmedAt, Environment.TickCount64);
            _trusted = true;
        }
    }

    /// <summary>The listener lost its connection or its heartbeat: answer nothing from memory until it is back.</summary>
    public void StopServing()
    {
        _trusted = false;
        lock (_gate)
        {
            ClearLocked();
        }
    }

    /// <summary>Anything may have changed (an unreadable notification, a cascade this instance cannot see): everything goes.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            ClearLocked();
        }
    }

    /// <summary>A heartbeat sent at <paramref name="sentAt"/> (Environment.TickCount64) came back.</summary>
    public void Confirm(long sentAt)
    {
        if (sentAt > Volatile.Read(ref _confirmedAt))
        {
            Volatile.Write(ref _confirmedAt, sentAt);
        }
    }

    private void Store<TKey, TValue>(TaggedStore<TKey, TValue> store, TKey key, TValue value, SessionCacheTicket ticket, string[] tags)
        where TKey : notnull
        where TValue : class
    {
        lock (_gate)
        {
            // A reset, or a change of a row the entry was read from, announced after the read began: the entry may predate it.
            if (!_trusted || _resetAt > ticket.Sequence || Array.Exists(tags, tag => _tagChangedAt[Stripe(tag)] > ticket.Sequence))
            {
                return;
            }

            store.Add(key, value, tags);
        }
    }

    private void ClearLocked()
    {
        _resetAt = Advance();
        _sessions.Clear();
        _memberships.Clear();
        _rosters.Clear();
        _apiKeys.Clear();
    }

    private long Advance() => Interlocked.Increment(ref _sequence);

    private static int Stripe(string tag) => (int)((uint)StringComparer.Ordinal.GetHashCode(tag) % Stripes);
}
