using AuthPlatform.Testing;
using AuthPlatform.Testing.Faults;
using Npgsql;

// Fault tests stop databases, kill processes and measure recovery: one at a time, so they do not
// disturb each other on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AuthPlatform.FaultTests;

/// <summary>
/// A PostgreSQL cluster of the test's own (so it can be stopped) with one migrated database, plus
/// helpers every fault test uses. Disposing stops and deletes the cluster.
/// </summary>
public sealed class FaultTestBed : IAsyncDisposable
{
    public const string DatabaseName = PostgresCluster.MigratedDatabaseName;

    private FaultTestBed(PostgresCluster cluster, string connectionString)
    {
        Cluster = cluster;
        ConnectionString = connectionString;

        // The service gets no timeouts in its URL, so its own Database:* settings (the ones under test) apply.
        var service = new NpgsqlConnectionStringBuilder(connectionString);
        service.Remove("Timeout");
        service.Remove("Command Timeout");
        ServiceDatabaseUrl = service.ConnectionString;
    }

    public PostgresCluster Cluster { get; }

    /// <summary>Superuser connection to the service's database (for faults and row checks).</summary>
    public string ConnectionString { get; }

    /// <summary>The database as the service is given it (DATABASE_URL).</summary>
    public string ServiceDatabaseUrl { get; }

    public static async Task<FaultTestBed> StartAsync()
    {
        var cluster = await PostgresCluster.StartMigratedAsync();
        return new FaultTestBed(cluster, cluster.ConnectionStringFor(DatabaseName));
    }

    /// <summary>Signs up <paramref name="count"/> users (unique emails) and returns their sessions.</summary>
    public static async Task<List<Credentials>> SignUpUsersAsync(AuthTraffic traffic, int count, string prefix)
    {
        var sessions = new List<Credentials>();
        for (var i = 0; i < count; i++)
        {
            sessions.Add(await traffic.SignUpAsync(0, $"{prefix}-{i}-{Guid.NewGuid():N}@example.com")
                ?? throw new InvalidOperationException("sign-up failed while preparing the test"));
        }

        return sessions;
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
