using AuthPlatform.Application.ApiKeys.VerifyApiKey;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>
/// One use of a key, in BetterAuth's order (ApiKey.Claim has the rules), shared by POST /api-key/verify and
/// the authentication of a request that carries the key header, so both judge a key the same way.
/// </summary>
internal sealed class ApiKeyVerifier(IAuthDbContext db, IApiKeyRowLock rowLock, TimeProvider clock)
{
    public async Task<ApiKeyVerification> VerifyAsync(string secret, JsonElement? permissions, CancellationToken cancellationToken)
    {
        var digest = OpaqueTokenDigest.Of(secret);
        var found = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyDigest == digest, cancellationToken);
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
            return Verdict(found, found.Claim(now));
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

            return Verdict(key, claim);
        }, cancellationToken);
    }

    private static ApiKeyVerification Verdict(ApiKey key, ApiKeyClaim claim) => claim.Refusal switch
    {
        ApiKeyRefusal.None => new ApiKeyVerification(ApiKeyDto.From(key), null),
        ApiKeyRefusal.Disabled => Refused(Errors.ApiKeys.KeyDisabled),
        ApiKeyRefusal.Expired => Refused(Errors.ApiKeys.KeyExpired),
        ApiKeyRefusal.UsageExceeded => Refused(Errors.ApiKeys.UsageExceeded),
        _ => Refused(Errors.ApiKeys.RateLimited.WithRetryAfter(claim.TryAgainIn)),
    };

    private static ApiKeyVerification Refused(Error refusal) => new(null, refusal);
}
