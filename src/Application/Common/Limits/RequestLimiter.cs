namespace AuthPlatform.Application.Common.Limits;

/// <summary>Which limit a request counts against, and so which store counts it.</summary>
public enum RequestLimitScope
{
    /// <summary>The general per-address limit (memory, or Redis when configured).</summary>
    Address,

    /// <summary>A limit guarding credentials (PostgreSQL, shared by every instance).</summary>
    Credential,
}

/// <summary>
/// Counts a request against its limit and decides: the one entry point for the HTTP layer, which only
/// names the scope, the key (client address and route) and the configured limit.
/// </summary>
public sealed class RequestLimiter(ICredentialLimitStore credentialStore, IAddressLimitStore addressStore, TimeProvider clock)
{
    public async ValueTask<LimitDecision> HitAsync(RequestLimitScope scope, string key, int permitLimit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IRequestCounter counter = scope == RequestLimitScope.Credential ? credentialStore : addressStore;
        var count = await counter.CountAsync(key, now, window, cancellationToken);
        return FixedWindow.Decide(count, permitLimit, window, now);
    }
}
