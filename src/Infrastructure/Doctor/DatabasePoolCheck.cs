using System.Globalization;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Persistence;
using Npgsql;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// The connection pool fits the server: one instance cannot take every connection, a transaction-mode
/// pooler is declared when DATABASE_URL points at one, and requests do not wait unboundedly for a connection.
/// </summary>
public sealed class DatabasePoolCheck : IDoctorCheck
{
    private const int LongConnectionTimeoutSeconds = 15;

    public string Name => "database-pool";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.DatabaseObservation is not { } observed)
        {
            return Task.FromResult(DoctorResult.Skip("needs the database"));
        }

        var options = context.Database();
        var effective = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Build(options));
        var pool = effective.MaxPoolSize;
        var available = observed.MaxConnections - observed.ReservedConnections;
        var findings = new List<DoctorFinding>();

        if (LooksLikePooler(options.Url, effective) is { } hint && !options.Pooler)
        {
            findings.Add(DoctorFinding.Failure(
                $"DATABASE_URL points at a connection pooler ({hint}) but Database:Pooler is false.",
                "set Database__Pooler=true, so the service neither prepares statements nor relies on session state the pooler does not keep"));
        }

        if (!options.Pooler && pool > available)
        {
            findings.Add(DoctorFinding.Failure(
                Invariant($"Database:MaxPoolSize is {pool}, but the server accepts only {available} connections (max_connections {observed.MaxConnections} minus {observed.ReservedConnections} reserved): one busy instance would exhaust it."),
                Invariant($"set Database__MaxPoolSize to at most {available} divided by the number of instances")));
        }
        else if (!options.Pooler && pool * 2 > available)
        {
            findings.Add(DoctorFinding.Warning(
                Invariant($"Database:MaxPoolSize {pool} is more than half of the server's {available} connections: two busy instances would exhaust it."),
                "lower Database__MaxPoolSize, or put a transaction-mode pooler (PgBouncer) in front of PostgreSQL"));
        }

        if (effective.Timeout > LongConnectionTimeoutSeconds)
        {
            findings.Add(DoctorFinding.Warning(
                Invariant($"a request waits up to {effective.Timeout} s for a connection before it fails with 503."),
                Invariant($"set Database__ConnectionTimeoutSeconds to {LongConnectionTimeoutSeconds} or less, so clients do not hang")));
        }

        return Task.FromResult(DoctorFinding.Summarize(
            Invariant($"at most {pool} connections per instance; the server allows {available}, {observed.OpenConnections} in use now{(options.Pooler ? "; behind a transaction-mode pooler" : string.Empty)}"),
            findings));
    }

    /// <summary>What gives a pooler away: Neon's "-pooler" host names, PgBouncer's and Supabase's pooler ports, or a pgbouncer=true parameter.</summary>
    private static string? LooksLikePooler(string? url, NpgsqlConnectionStringBuilder effective)
    {
        var host = effective.Host ?? string.Empty;
        if (host.Split('.')[0].EndsWith("-pooler", StringComparison.OrdinalIgnoreCase))
        {
            return $"host {host}";
        }

        if (url?.Contains("pgbouncer=true", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "pgbouncer=true";
        }

        return effective.Port switch
        {
            6432 => "port 6432, PgBouncer's default",
            6543 => "port 6543, Supabase's transaction pooler",
            _ => null,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
