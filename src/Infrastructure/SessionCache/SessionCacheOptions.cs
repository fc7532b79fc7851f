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

    /// <summary>Sessions held per instance (about 1-2 KB each); when full, the oldest entries make room.</summary>
    public int MaxEntries { get; set; } = 50_000;

    /// <summary>
    /// Safety net: an entry is re-read from the database after this long, notified or not. Coherence comes
    /// from the notifications; this only bounds the life of an entry a write without a trigger (SQL with
    /// triggers disabled) left behind. Longer than a user's pause between page views behind a load balancer
    /// that spreads them over several instances, or every read misses (docs/scaling.md).
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often the listener proves its subscription: a notification sent from a second connection must
    /// come back to it. The cache answers only while the last echo is younger than three intervals, and an
    /// echo later than that makes the listener reconnect, so a silently dead connection, or one behind a
    /// transaction-mode pooler that never delivers notifications, is bypassed within that.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
}
