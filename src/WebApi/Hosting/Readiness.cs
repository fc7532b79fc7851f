using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthPlatform.WebApi.Hosting;

/// <summary>
/// GET /health/ready from a result at most <see cref="Lifetime"/> old: a load balancer, a monitor and an
/// attacker polling it together cause one round of checks per second, not one per request, and callers
/// arriving while a round runs share it. The route is also rate-limited (Security/RateLimits.cs), and the
/// answer names no host and carries no exception text (the checks' descriptions are fixed sentences).
/// Its clock is the machine's monotonic tick count, not the service's TimeProvider: the lifetime is about
/// load in real time, and a deployment or test that sets the service's clock must still see the database
/// come back.
/// </summary>
public sealed class Readiness(HealthCheckService health)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _current;
    private long _startedAtMs;

    public async Task WriteAsync(HttpContext context)
    {
        var report = await CurrentAsync();
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await HealthResponse.WriteAsync(context, report);
    }

    private Task<HealthReport> CurrentAsync()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            // A round older than the lifetime is not joined even while it runs: one started during an outage
            // must not answer for a database that has come back since.
            if (_current is null || now - _startedAtMs >= (long)Lifetime.TotalMilliseconds)
            {
                _startedAtMs = now;
                // Not the caller's token: the round is shared, and one caller hanging up must not cancel it for the others.
                _current = health.CheckHealthAsync(check => check.Tags.Contains("ready"), CancellationToken.None);
            }

            return _current;
        }
    }
}
