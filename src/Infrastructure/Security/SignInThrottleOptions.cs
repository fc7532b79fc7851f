namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Per-account backoff of failed password checks (section "Auth:SignInThrottle"). Each account has a
/// bucket of <see cref="Burst"/> failures that refills so that no hour ever sees more than
/// <see cref="MaxFailuresPerHour"/> failures in total (ASVS 4.0.3 2.2.1: at most 100 per hour).
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Auth:SignInThrottle";

    public int MaxFailuresPerHour { get; set; } = 100;

    /// <summary>Failures allowed back to back before the backoff starts (a user mistyping a few times).</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Refill rate: the budget left after the burst, spread over an hour.</summary>
    public double FailuresPerSecond => (MaxFailuresPerHour - Burst) / 3600.0;
}
