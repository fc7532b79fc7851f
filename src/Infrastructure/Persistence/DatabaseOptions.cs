namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Database settings (section "Database"; DATABASE_URL sets <see cref="Url"/>). Parameters written into
/// the URL win; the pool settings here fill in whatever the URL leaves out.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>postgres://user:pass@host:port/db?sslmode=... or an Npgsql keyword string.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// A direct connection (not through a transaction-mode pooler, which cannot LISTEN) for the session
    /// cache's change listener; same forms as <see cref="Url"/>. Unset: <see cref="Url"/> is used, unless
    /// <see cref="Pooler"/> is true, in which case the session cache is off.
    /// </summary>
    public string? ListenUrl { get; set; }

    /// <summary>Connections per service instance. Keep instances x this below the server's max_connections.</summary>
    public int MaxPoolSize { get; set; } = 32;

    public int MinPoolSize { get; set; }

    /// <summary>Seconds to open (or wait for) a connection before the request fails with 503.</summary>
    public int ConnectionTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds a single command may run before it is cancelled (503).</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;

    /// <summary>Idle pooled connections are closed after this many seconds.</summary>
    public int ConnectionIdleLifetimeSeconds { get; set; } = 60;

    /// <summary>Connections are recycled after this many seconds (0 = never); useful behind load balancers.</summary>
    public int ConnectionLifetimeSeconds { get; set; }

    /// <summary>
    /// True when a transaction-mode pooler (PgBouncer, Neon's pooled endpoint) sits in front of PostgreSQL:
    /// no session state is relied on and statements are not prepared server-side.
    /// </summary>
    public bool Pooler { get; set; }

    /// <summary>Apply pending migrations at start-up (handy in development; in production run the migrate command).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// Extra attempts for a database operation that failed in a way that cannot have applied it
    /// (connection refused, backend terminated, a read on a broken connection); 0 disables retries.
    /// See docs/adr/0030-database-resilience.md.
    /// </summary>
    public int MaxRetryCount { get; set; } = 2;

    /// <summary>Attempts to reach the database at start-up before giving up.</summary>
    public int StartupAttempts { get; set; } = 5;
}
