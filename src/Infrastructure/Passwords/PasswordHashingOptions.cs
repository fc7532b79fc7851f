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
}
