using System.Collections.Concurrent;
using AuthPlatform.Application.ApiKeys;
using AuthPlatform.Application.Common.Interfaces;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// API keys that count no uses, under the same lock, sequence and trust as the sessions: a change of the key row
/// ("k:", from the api_keys trigger) drops it, a change of its owner ("u:") drops every key of theirs.
/// </summary>
public sealed partial class InProcessSessionCache : IApiKeyCache
{
    private readonly ConcurrentDictionary<TokenDigestKey, ApiKeyEntry> _apiKeys = new();
    private readonly Dictionary<string, TokenDigestKey> _apiKeyDigests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _apiKeysByUser = new(StringComparer.Ordinal);
    private readonly long[] _apiKeyChangedAt = new long[Stripes];

    public int ApiKeyCount => _apiKeys.Count;

    public bool TryGet(byte[] keyDigest, out CachedApiKey? entry)
    {
        if (_apiKeys.TryGetValue(TokenDigestKey.From(keyDigest), out var found) && Environment.TickCount64 - found.StoredAt <= _maxAgeMs)
        {
            entry = found.Value;
            return true;
        }

        entry = null;
        return false;
    }

    public void Store(CachedApiKey entry, SessionCacheTicket ticket)
    {
        var keyId = entry.Key.Id;
        var userId = entry.Key.UserId;
        lock (_gate)
        {
            if (!_trusted || _resetAt > ticket.Sequence || _userChangedAt[Stripe(userId)] > ticket.Sequence
                || _apiKeyChangedAt[Stripe(keyId)] > ticket.Sequence)
            {
                return;
            }

            if (_apiKeys.Count >= _maxEntries)
            {
                ClearApiKeysLocked(); // rare and cheap to refill: one read per key
            }

            var digest = TokenDigestKey.From(entry.Key.KeyDigest);
            _apiKeyDigests[keyId] = digest;
            if (!_apiKeysByUser.TryGetValue(userId, out var keys))
            {
                _apiKeysByUser[userId] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(keyId);
            _apiKeys[digest] = new ApiKeyEntry(entry, Environment.TickCount64);
        }
    }

    /// <summary>An API key row changed or was deleted (notification "k:key id").</summary>
    public void ApiKeyChanged(string keyId)
    {
        lock (_gate)
        {
            _apiKeyChangedAt[Stripe(keyId)] = Advance();
            if (_apiKeyDigests.Remove(keyId, out var digest) && _apiKeys.TryRemove(digest, out var removed))
            {
                var userId = removed.Value.Key.UserId;
                if (_apiKeysByUser.TryGetValue(userId, out var keys) && keys.Remove(keyId) && keys.Count == 0)
                {
                    _apiKeysByUser.Remove(userId);
                }
            }
        }
    }

    private void RemoveApiKeysOfUserLocked(string userId)
    {
        if (_apiKeysByUser.Remove(userId, out var keys))
        {
            foreach (var keyId in keys)
            {
                if (_apiKeyDigests.Remove(keyId, out var digest))
                {
                    _apiKeys.TryRemove(digest, out _);
                }
            }
        }
    }

    private void ClearApiKeysLocked()
    {
        _apiKeys.Clear();
        _apiKeyDigests.Clear();
        _apiKeysByUser.Clear();
    }

    private readonly record struct ApiKeyEntry(CachedApiKey Value, long StoredAt);
}
