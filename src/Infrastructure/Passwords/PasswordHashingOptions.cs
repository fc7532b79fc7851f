namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Argon2id cost (section "Auth:PasswordHashing"). Defaults are OWASP's m=19 MiB, t=2, p=1 row; stored
/// hashes with other parameters are upgraded at the user's next sign-in.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "Auth:PasswordHashing";

    /// <summary>Memory in KiB.</summary>
    public int MemoryKiB { get; set; } = 19456;

    public int Iterations { get; set; } = 2;

    /// <summary>libsodium's Argon2id computes one lane; 1 is the only supported value.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>
    /// The most memory (KiB) a stored Argon2id hash may ask for. A hash above it (imported, or written by
    /// someone with database access) is refused instead of verified: one sign-in must not cost gigabytes.
    /// </summary>
    public int MaxMemoryKiB { get; set; } = 262144;

    /// <summary>The most passes a stored Argon2id hash may ask for; above it the hash is refused.</summary>
    public int MaxIterations { get; set; } = 16;
}
