using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>The tables the cleanup job keeps small, and which of their rows are dead.</summary>
public sealed class CleanupTargets(IOptions<CleanupOptions> cleanup, IOptions<SignInThrottleOptions> throttle)
{
    /// <summary>Credential-limit windows are seconds to minutes long; a day old is dead for any sane setting.</summary>
    public static readonly TimeSpan LimitWindowRetention = TimeSpan.FromDays(1);

    public IReadOnlyList<CleanupTarget> All { get; } =
    [
        // Expired (sliding or absolute end) or revoked longer ago than the retention: no token can use them.
        new("sessions", "expires_at < $1 or revoked_at < $1", now => now - cleanup.Value.SessionRetention),

        // A bucket untouched long enough to have refilled completely carries no information.
        new("sign_in_throttles", "updated_at < $1", now => now - FullRefill(throttle.Value)),

        new("request_limit_windows", "window_start < $1", now => now - LimitWindowRetention),

        // One-time tokens (email verification, password reset, ...) join here, e.g.
        // new("one_time_tokens", "expires_at < $1 or used_at < $1", now => now),
    ];

    /// <summary>Time an empty bucket takes to refill, and at least an hour (the budget's period).</summary>
    private static TimeSpan FullRefill(SignInThrottleOptions options) =>
        TimeSpan.FromSeconds(Math.Max(3600, Math.Min(options.Burst / options.FailuresPerSecond, TimeSpan.FromDays(30).TotalSeconds)));
}
