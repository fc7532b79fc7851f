using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>Readiness: this instance holds an active signing key in memory (and so can answer /token).</summary>
public sealed class SigningKeyHealthCheck(SigningKeyRing ring) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = ring.Status;
        return Task.FromResult(status.HasActiveKey
            ? HealthCheckResult.Healthy($"Active signing key {status.ActiveKeyId} ({status.ActiveAlgorithm}); {status.PublishedKeys} key(s) published.")
            : HealthCheckResult.Unhealthy(status.Problem ?? "No signing key is active."));
    }
}
