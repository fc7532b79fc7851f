namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// API keys (section "Auth:ApiKeys"), with the defaults of BetterAuth's api-key plugin except where
/// docs/compatibility.md says otherwise.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth:ApiKeys";

    /// <summary>The header a program sends its key in.</summary>
    public string Header { get; set; } = "x-api-key";

    /// <summary>Random characters after the prefix; a shorter key is refused before any lookup.</summary>
    public int KeyLength { get; set; } = 64;

    /// <summary>Put before every new key unless the request names a prefix of its own.</summary>
    public string? DefaultPrefix { get; set; }

    public bool RequireName { get; set; }

    public int MinimumNameLength { get; set; } = 1;

    public int MaximumNameLength { get; set; } = 32;

    /// <summary>Whether keys carry the owner's metadata object.</summary>
    public bool EnableMetadata { get; set; }

    /// <summary>Expiry of a new key when the request names none; null keeps keys until deleted.</summary>
    public TimeSpan? DefaultExpiresIn { get; set; }

    public TimeSpan MinimumExpiresIn { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan MaximumExpiresIn { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The per-key rate limit new keys get: at most <see cref="RateLimitMax"/> uses per window, counted from the last use.</summary>
    public bool RateLimitEnabled { get; set; } = true;

    public TimeSpan RateLimitTimeWindow { get; set; } = TimeSpan.FromDays(1);

    public int RateLimitMax { get; set; } = 10;
}
