using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Live sessions in memory, answered only while <see cref="SessionChangeListener"/> vouches that every
/// change notification reaches this instance (docs/adr/0095-coherent-session-cache.md).
/// Reads are lock-free; stores and invalidations take one lock, which keeps the user index exact and
/// makes "was this user changed since the read began?" a plain comparison of sequence numbers.
/// Organization memberships and API keys share the same trust, sequence and notifications
/// (InProcessSessionCache.Memberships.cs, InProcessSessionCache.ApiKeys.cs).
/// </summary>
public sealed partial class InProcessSessionCache : ISessionCache
{
    private const int Stripes = 4096;

    private readonly ConcurrentDictionary<TokenDigestKey, Entry> _entries = new();
    private readonly Dictionary<string, HashSet<TokenDigestKey>> _byUser = new(StringComparer.Ordinal);
    private readonly long[] _userChangedAt = new long[Stripes]; // sequence of the last change per user stripe
    private readonly Lock _gate = new();
    private readonly int _maxEntries;
    private readonly long _maxAgeMs;
    private readonly long _maxSilenceMs;

    private long _sequence;
    private long _resetAt;
    private long _confirmedAt;
    private volatile bool _trusted;

    public InProcessSessionCache(IOptions<SessionCacheOptions> options)
    {
        _maxEntries = options.Value.MaxEntries;
        _maxAgeMs = (long)options.Value.MaxAge.TotalMilliseconds;
        _maxSilenceMs = (long)SilenceBound(options.Value).TotalMilliseconds;
    }

    /// <summary>
    /// How long the cache answers after the listener's last heartbeat echo, and how long the listener waits
    /// for an echo before it reconnects: three heartbeat intervals.
    /// </summary>
    public static TimeSpan SilenceBound(SessionCacheOptions options) => 3 * options.HeartbeatInterval;

    /// <summary>True while lookups may be answered from memory (for logs and tests).</summary>
    public bool IsServing => BeginRead() is not null;

    public int Count => _entries.Count;

    public SessionCacheTicket? BeginRead()
    {
        if (!_trusted || Environment.TickCount64 - Volatile.Read(ref _confirmedAt) > _maxSilenceMs)
        {
            return null;
        }

        return new SessionCacheTicket(Volatile.Read(ref _sequence));
    }

    public bool TryGet(byte[] tokenDigest, out CachedSession? entry)
    {
        if (_entries.TryGetValue(TokenDigestKey.From(tokenDigest), out var found) && Environment.TickCount64 - found.StoredAt <= _maxAgeMs)
        {
            entry = found.Value;
            return true;
        }

        entry = null;
        return false;
    }

    public void Store(byte[] tokenDigest, CachedSession entry, SessionCacheTicket ticket)
    {
        var key = TokenDigestKey.From(tokenDigest);
        var userId = entry.Session.UserId;
        lock (_gate)
        {
            // A reset or a change of this user announced after the read began: the row may predate it.
            if (!_trusted || _resetAt > ticket.Sequence || _userChangedAt[Stripe(userId)] > ticket.Sequence)
            {
                return;
            }

            if (_entries.Count >= _maxEntries)
            {
                MakeRoom();
            }

            if (!_byUser.TryGetValue(userId, out var keys))
            {
                _byUser[userId] = keys = [];
            }

            keys.Add(key);
            _entries[key] = new Entry(entry, Environment.TickCount64);
        }
    }

    /// <summary>A session row changed or was deleted (notification "s:session:user").</summary>
    public void SessionChanged(string sessionId, string userId)
    {
        lock (_gate)
        {
            _userChangedAt[Stripe(userId)] = Advance();
            if (_byUser.TryGetValue(userId, out var keys))
            {
                keys.RemoveWhere(key => !_entries.TryGetValue(key, out var e) || (e.Value.Session.Id == sessionId && _entries.TryRemove(key, out _)));
                if (keys.Count == 0)
                {
                    _byUser.Remove(userId);
                }
            }
        }
    }

    /// <summary>A user row changed or was deleted (notification "u:user"): every session of theirs goes.</summary>
    public void UserChanged(string userId)
    {
        lock (_gate)
        {
            _userChangedAt[Stripe(userId)] = Advance();
            if (_byUser.Remove(userId, out var keys))
            {
                foreach (var key in keys)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            RemoveMembershipsOfUserLocked(userId);
            RemoveApiKeysOfUserLocked(userId);
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

    /// <summary>A notification this version cannot read: anything may have changed, so everything goes.</summary>
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

    private void ClearLocked()
    {
        _resetAt = Advance();
        _entries.Clear();
        _byUser.Clear();
        ClearMembershipsLocked();
        ClearApiKeysLocked();
    }

    /// <summary>Full: drop the oldest entries down to 90 % (amortised: once per tenth of the capacity stored).</summary>
    private void MakeRoom()
    {
        var stored = _entries.Select(pair => pair.Value.StoredAt).ToArray();
        Array.Sort(stored);
        var cutoff = stored[Math.Max(0, stored.Length - (_maxEntries * 9 / 10))];
        foreach (var (key, entry) in _entries)
        {
            if (entry.StoredAt < cutoff || Environment.TickCount64 - entry.StoredAt > _maxAgeMs)
            {
                Remove(key, entry.Value.Session.UserId);
            }
        }

        // Entries stored within the same clock tick share a time: whatever is still over goes regardless.
        foreach (var (key, entry) in _entries)
        {
            if (_entries.Count <= _maxEntries * 9 / 10)
            {
                break;
            }

            Remove(key, entry.Value.Session.UserId);
        }
    }

    private void Remove(TokenDigestKey key, string userId)
    {
        _entries.TryRemove(key, out _);
        if (_byUser.TryGetValue(userId, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            _byUser.Remove(userId);
        }
    }

    private long Advance() => Interlocked.Increment(ref _sequence);

    private static int Stripe(string id) => (int)((uint)StringComparer.Ordinal.GetHashCode(id) % Stripes);

    private readonly record struct Entry(CachedSession Value, long StoredAt);
}
