using AuthPlatform.Domain.ApiKeys;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>The rules of one use of an API key, in BetterAuth's order: disabled, expired, uses left (refilled), rate limit.</summary>
public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ApiKey Key(int? remaining = null, int? refillAmount = null, TimeSpan? refillInterval = null, int? rateMax = null, DateTimeOffset? expiresAt = null) =>
        ApiKey.Create("user-1", "ap_" + new string('k', 64), "ap_", "ci", expiresAt,
            new ApiKeyLimits(remaining, refillAmount, refillInterval, rateMax is not null, rateMax is null ? null : TimeSpan.FromMinutes(1), rateMax),
            permissions: null, metadata: null, Now);

    [Fact]
    public void Uses_left_count_down_to_zero_and_then_refuse()
    {
        var key = Key(remaining: 2);

        Assert.True(key.Claim(Now).IsGranted);
        Assert.True(key.Claim(Now).IsGranted);

        Assert.Equal(ApiKeyRefusal.UsageExceeded, key.Claim(Now).Refusal);
        Assert.Equal(0, key.Remaining);
    }

    [Fact]
    public void Uses_are_refilled_once_the_interval_has_passed()
    {
        var key = Key(remaining: 1, refillAmount: 5, refillInterval: TimeSpan.FromHours(1));
        Assert.True(key.Claim(Now).IsGranted);
        Assert.False(key.Claim(Now.AddMinutes(30)).IsGranted);

        Assert.True(key.Claim(Now.AddMinutes(61)).IsGranted);

        Assert.Equal(4, key.Remaining);
    }

    [Fact]
    public void The_rate_limit_window_runs_from_the_last_counted_use()
    {
        var key = Key(rateMax: 2);
        Assert.True(key.Claim(Now).IsGranted);
        Assert.True(key.Claim(Now.AddSeconds(30)).IsGranted);

        var refused = key.Claim(Now.AddSeconds(40));

        Assert.Equal(ApiKeyRefusal.RateLimited, refused.Refusal);
        Assert.Equal(TimeSpan.FromSeconds(50), refused.TryAgainIn);
        Assert.True(key.Claim(Now.AddSeconds(91)).IsGranted);
        Assert.Equal(1, key.RequestCount);
    }

    [Fact]
    public void A_disabled_or_expired_key_is_refused_before_anything_is_counted()
    {
        var expired = Key(remaining: 3, expiresAt: Now.AddMinutes(1));
        Assert.Equal(ApiKeyRefusal.Expired, expired.Claim(Now.AddMinutes(1)).Refusal);
        Assert.Equal(3, expired.Remaining);

        var disabled = Key(remaining: 3);
        disabled.Update(name: null, enabled: false, expiresAt: null, clearExpiry: false, metadata: null, Now);
        Assert.Equal(ApiKeyRefusal.Disabled, disabled.Claim(Now).Refusal);
        Assert.Equal(3, disabled.Remaining);
    }

    [Fact]
    public void Only_the_digest_and_the_first_characters_of_the_key_are_kept()
    {
        var key = Key();

        Assert.Equal("ap_kkk", key.Start);
        Assert.Equal(Common.OpaqueTokenDigest.Of("ap_" + new string('k', 64)), key.KeyDigest);
        Assert.False(key.CountsUses);
        Assert.True(Key(rateMax: 1).CountsUses);
    }
}
