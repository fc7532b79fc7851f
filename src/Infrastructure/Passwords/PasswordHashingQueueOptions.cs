namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// The bounded queue password hashing runs in (section "Auth:PasswordHashing", keys Workers and QueueLength).
/// </summary>
public sealed class PasswordHashingQueueOptions
{
    public const string SectionName = "Auth:PasswordHashing";

    /// <summary>
    /// Hashing threads; 0 (the default) means one per processor core but one, at least one. The core left
    /// over serves session checks during a flood of sign-ins: on a 2-core machine under 200 concurrent
    /// sign-ins, get-session p99 was 97 ms with one worker against 381 ms with two, for about the same
    /// number of hashes (docs/security.md, "Measured figures").
    /// </summary>
    public int Workers { get; set; }

    /// <summary>Hashes that may wait for a worker; beyond that a request is refused at once (503).</summary>
    public int QueueLength { get; set; } = 16;

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);
}
