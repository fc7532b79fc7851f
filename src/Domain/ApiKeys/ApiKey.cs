using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.ApiKeys;

/// <summary>
/// A long-lived credential a user created for a program (BetterAuth's api-key plugin). Only the digest of
/// the key is stored; <see cref="Start"/> (its first characters) lets the owner recognise it. A key can be
/// disabled, expire, carry a number of uses left (refilled every interval) and a per-key rate limit; the
/// rules of one use are <see cref="Claim"/>, applied under a row lock so concurrent uses are counted once each.
/// </summary>
public sealed class ApiKey
{
    public const string DefaultConfigId = "default";
    public const int StartLength = 6;

    private ApiKey()
    {
        Id = string.Empty;
        ConfigId = DefaultConfigId;
        UserId = string.Empty;
        KeyDigest = [];
    }

    public string Id { get; private set; }

    public string ConfigId { get; private set; }

    public string? Name { get; private set; }

    /// <summary>The first characters of the key (prefix included), shown in lists.</summary>
    public string? Start { get; private set; }

    public string? Prefix { get; private set; }

    /// <summary>SHA-256 of the whole key; the key itself is shown once, at creation.</summary>
    public byte[] KeyDigest { get; private set; }

    /// <summary>The owner (BetterAuth's referenceId for user-owned keys).</summary>
    public string UserId { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Uses left; null for unlimited.</summary>
    public int? Remaining { get; private set; }

    public int? RefillAmount { get; private set; }

    public TimeSpan? RefillInterval { get; private set; }

    public DateTimeOffset? LastRefillAt { get; private set; }

    public bool RateLimitEnabled { get; private set; }

    public TimeSpan? RateLimitTimeWindow { get; private set; }

    public int? RateLimitMax { get; private set; }

    public int RequestCount { get; private set; }

    public DateTimeOffset? LastRequest { get; private set; }

    /// <summary>BetterAuth's statement format, as JSON: <c>{"resource":["action",...]}</c>.</summary>
    public string? Permissions { get; private set; }

    /// <summary>The owner's JSON object, kept as given.</summary>
    public string? Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ApiKey Create(string userId, string key, string? prefix, string? name, DateTimeOffset? expiresAt, ApiKeyLimits limits,
        string? permissions, string? metadata, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(key))
        {
            throw new DomainRuleException("An API key needs an owner and a key.");
        }

        var apiKey = new ApiKey
        {
            Id = RandomId.New(),
            UserId = userId,
            KeyDigest = OpaqueTokenDigest.Of(key),
            Start = key[..Math.Min(StartLength, key.Length)],
            Prefix = prefix,
            Name = name,
            Enabled = true,
            ExpiresAt = expiresAt,
            Permissions = permissions,
            Metadata = metadata,
            CreatedAt = now,
            UpdatedAt = now,
        };
        apiKey.SetLimits(limits);
        return apiKey;
    }

    /// <summary>The owner's changes (update): only what is given changes.</summary>
    public void Update(string? name, bool? enabled, DateTimeOffset? expiresAt, bool clearExpiry, string? metadata, DateTimeOffset now)
    {
        Name = name ?? Name;
        Enabled = enabled ?? Enabled;
        ExpiresAt = clearExpiry ? null : expiresAt ?? ExpiresAt;
        Metadata = metadata ?? Metadata;
        UpdatedAt = now;
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } at && at <= now;

    /// <summary>
    /// One use of the key, in BetterAuth's order: disabled, expired, uses left (refilled when the interval
    /// has passed), then the rate limit, whose window runs from the last counted request.
    /// </summary>
    public ApiKeyClaim Claim(DateTimeOffset now)
    {
        if (StandingRefusal(now) is { } refusal)
        {
            return ApiKeyClaim.Refused(refusal);
        }

        if (Remaining is { } remaining)
        {
            if (RefillAmount is { } amount && RefillInterval is { } interval && now - (LastRefillAt ?? CreatedAt) > interval)
            {
                Remaining = amount - 1;
                LastRefillAt = now;
            }
            else if (remaining <= 0)
            {
                return ApiKeyClaim.Refused(ApiKeyRefusal.UsageExceeded);
            }
            else
            {
                Remaining = remaining - 1;
            }
        }

        if (RateLimitEnabled && RateLimitTimeWindow is { } window && RateLimitMax is { } max)
        {
            if (LastRequest is { } last && now - last <= window && RequestCount >= max)
            {
                return ApiKeyClaim.Refused(ApiKeyRefusal.RateLimited, window - (now - last));
            }

            RequestCount = LastRequest is { } previous && now - previous <= window ? RequestCount + 1 : 1;
        }

        LastRequest = now;
        UpdatedAt = now;
        return ApiKeyClaim.Granted;
    }

    /// <summary>
    /// A use of a key that <see cref="CountsUses"/> not: granted unless disabled or expired, and nothing changes, so the
    /// verdict may be given on a copy held in memory (shared by concurrent requests, hence no write to it here).
    /// </summary>
    public ApiKeyClaim Check(DateTimeOffset now)
    {
        if (CountsUses)
        {
            throw new DomainRuleException("A key that counts its uses is claimed (Claim), under its row lock.");
        }

        return StandingRefusal(now) is { } refusal ? ApiKeyClaim.Refused(refusal) : ApiKeyClaim.Granted;
    }

    /// <summary>The refusals that hold whatever the use: disabled, then expired (BetterAuth's order).</summary>
    private ApiKeyRefusal? StandingRefusal(DateTimeOffset now) =>
        !Enabled ? ApiKeyRefusal.Disabled : IsExpired(now) ? ApiKeyRefusal.Expired : null;

    /// <summary>Whether a use changes the row (counted uses or a rate limit); a key with neither is answered without a write.</summary>
    public bool CountsUses => Remaining is not null || (RateLimitEnabled && RateLimitTimeWindow is not null && RateLimitMax is not null);

    private void SetLimits(ApiKeyLimits limits)
    {
        Remaining = limits.Remaining;
        RefillAmount = limits.RefillAmount;
        RefillInterval = limits.RefillInterval;
        RateLimitEnabled = limits.RateLimitEnabled;
        RateLimitTimeWindow = limits.RateLimitTimeWindow;
        RateLimitMax = limits.RateLimitMax;
    }
}

/// <summary>The counters a key starts with.</summary>
public sealed record ApiKeyLimits(int? Remaining, int? RefillAmount, TimeSpan? RefillInterval, bool RateLimitEnabled, TimeSpan? RateLimitTimeWindow, int? RateLimitMax);

/// <summary>Why a use of a key was refused.</summary>
public enum ApiKeyRefusal
{
    None,
    Disabled,
    Expired,
    UsageExceeded,
    RateLimited,
}

/// <summary>The verdict on one use; <see cref="TryAgainIn"/> is set for <see cref="ApiKeyRefusal.RateLimited"/>.</summary>
public readonly record struct ApiKeyClaim(ApiKeyRefusal Refusal, TimeSpan TryAgainIn)
{
    public static ApiKeyClaim Granted => default;

    public bool IsGranted => Refusal == ApiKeyRefusal.None;

    public static ApiKeyClaim Refused(ApiKeyRefusal refusal, TimeSpan tryAgainIn = default) => new(refusal, tryAgainIn);
}
