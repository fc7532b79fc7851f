using System.Threading.RateLimiting;
using AuthPlatform.Application.Common.Limits;

namespace AuthPlatform.WebApi.Security;

/// <summary>Which limit a request counts against: its scope, its key (client and route) and the configured limit.</summary>
public readonly record struct RequestLimit(RequestLimitScope Scope, string Key, int PermitLimit, TimeSpan Window);

/// <summary>
/// The ASP.NET Core rate limiter's global limiter, counting in Application's stores (credential limits in
/// PostgreSQL, the per-address limit in memory or Redis) rather than in per-process partitions. The
/// middleware first asks synchronously; a limited request is refused there as "not yet" and then counted
/// by the asynchronous acquire, which is the one place a store is called.
/// </summary>
public sealed class StoreRateLimiter(Func<HttpContext, RequestLimit?> classify, RequestLimiter limiter) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        permitCount == 0 || classify(resource) is null ? Lease.Granted : Lease.NotCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0 || classify(resource) is not { } limit)
        {
            return Lease.Granted;
        }

        var decision = await limiter.HitAsync(limit.Scope, limit.Key, limit.PermitLimit, limit.Window, cancellationToken);
        return decision.Allowed ? Lease.Granted : new Lease(false, decision.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>Not acquired, so the middleware goes on to the asynchronous acquire, which counts.</summary>
        public static readonly Lease NotCounted = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
