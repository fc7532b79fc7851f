namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// The bounded queue password hashing runs in (section "Auth:PasswordHashing", keys Workers and QueueLength).
/// </summary>
public sealed class PasswordHashingQueueOptions
{
    public const string SectionName = "Auth:PasswordHashing";

    /// <summary>
    /// Hashing threads; 0 (the default) means one per processor core. They run at nice 10
    /// (<see cref="HashingThreadPriority"/>), so during a flood of sign-ins session checks still get a core
    /// when they need one, and hashing takes the rest: see docs/security.md, "Measured figures".
    /// </summary>
    public int Workers { get; set; }

    /// <summary>Hashes that may wait for a worker; beyond that a request is refused at once (503).</summary>
    public int QueueLength { get; set; } = 16;

    public int EffectiveWorkers => Workers > 0 ? Workers : Environment.ProcessorCount;
}
