using System.Globalization;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.SessionCache;
using Npgsql;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// The session cache's listener hears notifications on its URL: one heartbeat, sent from a second
/// connection, must come back as it must for the running listener (docs/adr/0095-coherent-session-cache.md).
/// Behind a transaction-mode pooler it does not, and the cache would stay bypassed.
/// </summary>
public sealed class SessionListenerCheck : IDoctorCheck
{
    private const string PoolerFix = "point DATABASE_LISTEN_URL at PostgreSQL directly (or a session-mode pooler): a transaction-mode pooler does not keep LISTEN";

    public string Name => "session-listener";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var cache = context.Settings<SessionCacheOptions>(SessionCacheOptions.SectionName);
        var database = context.Database();
        if (SessionChangeListener.OffReason(cache, database) is { } off)
        {
            return DoctorResult.Skip($"the session cache is off: {off}");
        }

        if (context.DatabaseObservation is null)
        {
            return DoctorResult.Skip("needs the database");
        }

        string connectionString;
        try
        {
            connectionString = SessionChangeListener.BuildConnectionString(database);
        }
        catch (InvalidOperationException ex)
        {
            return DoctorResult.Fail($"Database:ListenUrl (DATABASE_LISTEN_URL): {ex.Message}", "set DATABASE_LISTEN_URL to a direct postgres:// URL, or unset it");
        }

        var server = DatabaseConnectionString.Describe(connectionString);
        var bound = InProcessSessionCache.SilenceBound(cache);
        TimeSpan? echo;
        try
        {
            echo = await ListenerHeartbeat.ProbeAsync(connectionString, bound, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return DoctorResult.Fail($"the session listener could not listen on {server}: {ex.Message}", "check DATABASE_LISTEN_URL (or DATABASE_URL when it is unset) and that PostgreSQL is reachable from here");
        }

        return echo is { } took
            ? DoctorResult.Pass(string.Create(CultureInfo.InvariantCulture, $"the session listener hears notifications on {server}: a heartbeat came back in {took.TotalMilliseconds:0} ms"))
            : DoctorResult.Fail(
                string.Create(CultureInfo.InvariantCulture, $"the session listener's connection to {server} receives no notifications: a heartbeat sent from a second connection did not come back within {bound.TotalMilliseconds:0} ms, so the session cache would stay bypassed"),
                PoolerFix);
    }
}
