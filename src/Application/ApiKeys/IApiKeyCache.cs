using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Users;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>
/// API keys that count no uses (no remaining count, no rate limit), held in memory by digest with their owner, so
/// their verification and the authentication of a request that carries one need no database round trip. It lives
/// beside the session cache and is kept coherent by the same listener (<see cref="ISessionCache"/>, docs/adr/0095):
/// a change or deletion of the key row ("k:") or of its owner ("u:") drops the entry on every instance.
/// A key that counts its uses is never held: each use is a write, under the key's row lock.
/// </summary>
public interface IApiKeyCache
{
    /// <summary>Starts a lookup, as <see cref="ISessionCache.BeginRead"/>: null means read the database and do not store.</summary>
    SessionCacheTicket? BeginRead();

    bool TryGet(byte[] keyDigest, out CachedApiKey? entry);

    /// <summary>Stores a key read after <paramref name="ticket"/> was taken; dropped if the key or its owner changed since.</summary>
    void Store(CachedApiKey entry, SessionCacheTicket ticket);
}

/// <summary>A key that counts no uses and its owner (null when gone), as read from the database; shared, never changed.</summary>
public sealed record CachedApiKey(ApiKey Key, User? Owner);
