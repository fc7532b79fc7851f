namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// Redis (section "Redis", REDIS_URL): when set, the general per-address limit is counted there and so
/// shared by every instance. Unset (the default), each instance counts in its own memory.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>redis://[:password@]host[:port][/db], rediss:// for TLS, or a StackExchange.Redis configuration string.</summary>
    public string? Url { get; set; }

    /// <summary>How long a count may take before the request is counted in memory instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
