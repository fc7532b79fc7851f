using Microsoft.Extensions.Diagnostics.HealthChecks;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Readiness: the database answers a trivial query within two seconds. Goes unhealthy during an outage
/// and healthy again by itself once the database is back (the pool reconnects on demand).
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, ConnectionPoolRecovery recovery) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("The database answered.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            recovery.OnFailure(ex); // a dead pooled connection must not keep readiness red after the database returns
            // The description is public (/health/ready): no exception text, which can name hosts and users.
            // The exception goes into the result for the log.
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
    }
}
