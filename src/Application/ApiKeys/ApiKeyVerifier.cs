using AuthPlatform.Application.ApiKeys.VerifyApiKey;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Users;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>
/// One use of a key, in BetterAuth's order (ApiKey.Claim has the rules), shared by POST /api-key/verify and
/// the authentication of a request that carries the key header, so both judge a key the same way.
/// A key that counts no uses is judged on a copy in memory when the cache holds one (<see cref="IApiKeyCache"/>);
/// a key that counts its uses is claimed on its row, under its row lock.
/// </summary>
internal sealed class ApiKeyVerifier(IAuthDbContext db, IApiKeyCache cache, IApiKeyRowLock rowLock, TimeProvider clock)
{
    public async Task<ApiKeyUse> VerifyAsync(string secret, JsonElement? permissions, CancellationToken cancellationToken)
    {
        var digest = OpaqueTokenDigest.Of(secret);
        var (found, owner) = await FindAsync(digest, cancellationToken);
        if (found is null)
        {
            return Refused(Errors.ApiKeys.InvalidApiKey);
        }

        // A key asked for more than it grants answers as not found, as BetterAuth's.
        if (permissions is { } requested
            && !ApiKeyPermissions.Grants(ApiKeyPermissions.Parse(found.Permissions), ApiKeyPermissions.Parse(requested) ?? []))
        {
            return Refused(Errors.ApiKeys.KeyNotFound);
        }

        var now = clock.GetUtcNow();
        if (!found.CountsUses)
        {
            // Nothing to count: the verdict needs no write (and no lock).
            return Verdict(found, found.Check(now), owner);
        }

        // Under the key's row lock, on the row as it is now: concurrent uses each count once.
        return await rowLock.RunLockedAsync(found.Id, async ct =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == found.Id, ct);
            if (key is null)
            {
                return Refused(Errors.ApiKeys.InvalidApiKey); // deleted meanwhile
            }

            var claim = key.Claim(now);
            if (claim.IsGranted)
            {
                await db.SaveChangesAsync(ct);
            }

            return Verdict(key, claim, owner: null);
        }, cancellationToken);
    }

    /// <summary>The key by digest: from memory, or read and (when it counts no uses) kept there with its owner.</summary>
    private async Task<(ApiKey? Key, User? Owner)> FindAsync(byte[] digest, CancellationToken cancellationToken)
    {
        var ticket = cache.BeginRead();
        if (ticket is not null && cache.TryGet(digest, out var hit))
        {
            return (hit!.Key, hit.Owner);
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyDigest == digest, cancellationToken);
        if (key is null || key.CountsUses || ticket is not { } readTicket)
        {
            return (key, null);
        }

        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId, cancellationToken);
        cache.Store(new CachedApiKey(key, owner), readTicket);
        return (key, owner);
    }

    private static ApiKeyUse Verdict(ApiKey key, ApiKeyClaim claim, User? owner) => claim.Refusal switch
    {
        ApiKeyRefusal.None => new ApiKeyUse(new ApiKeyVerification(ApiKeyDto.From(key), null), owner),
        ApiKeyRefusal.Disabled => Refused(Errors.ApiKeys.KeyDisabled),
        ApiKeyRefusal.Expired => Refused(Errors.ApiKeys.KeyExpired),
        ApiKeyRefusal.UsageExceeded => Refused(Errors.ApiKeys.UsageExceeded),
        _ => Refused(Errors.ApiKeys.RateLimited.WithRetryAfter(claim.TryAgainIn)),
    };

    private static ApiKeyUse Refused(Error refusal) => new(new ApiKeyVerification(null, refusal), null);
}

/// <summary>The verdict on one use of a key, and its owner when it was read with the key (null: read it when needed).</summary>
internal sealed record ApiKeyUse(ApiKeyVerification Verification, User? Owner);
