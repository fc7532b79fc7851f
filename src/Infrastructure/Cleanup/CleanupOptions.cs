namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>
/// The background job that deletes rows nobody can use any more (section "Auth:Cleanup"): expired and
/// revoked sessions, stale throttle buckets and limit windows, in small batches, one instance at a time.
/// </summary>
public sealed class CleanupOptions
{
    public const string SectionName = "Auth:Cleanup";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs on each instance (only one instance deletes at a time).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows per DELETE: small, so no statement holds many row locks or runs long.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Batches per table and run; what is left waits for the next run.</summary>
    public int MaxBatchesPerRun { get; set; } = 100;

    /// <summary>
    /// How long expired and revoked sessions are kept, so a late use of their token is still logged as
    /// expired or revoked (with its reason) rather than as an unknown token.
    /// </summary>
    public TimeSpan SessionRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long audit events are kept (the audit trail, docs/adr/0139-audit-trail.md). Only a prefix of the sealed
    /// chain is ever removed, so what remains still verifies.
    /// </summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}
