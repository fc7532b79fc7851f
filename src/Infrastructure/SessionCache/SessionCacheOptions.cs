namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// The in-process session cache (section "SessionCache"); see docs/adr/0095-coherent-session-cache.md.
/// Its listener connection is Database:ListenUrl.
/// </summary>
public sealed class SessionCacheOptions
{
    public const string SectionName = "SessionCache";

    /// <summary>Answer live sessions from memory (default true). Off: every session check reads PostgreSQL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sessions held per instance; beyond it the oldest entries make room.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>Safety net: an entry is re-read from the database after this long, notified or not.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the listener proves its connection alive with a round trip. The cache answers only while
    /// the last proof is younger than three intervals, so a silently dead connection is bypassed within that.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
}
