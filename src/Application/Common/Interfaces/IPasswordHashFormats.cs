namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Which stored-hash formats this service can verify (Argon2id, BetterAuth's scrypt, ...), so a hash from
/// elsewhere is only taken over when its owner will be able to sign in with it, and at a bounded cost.
/// </summary>
public interface IPasswordHashFormats
{
    StoredHashAssessment Assess(string storedHash);
}

public enum StoredHashVerdict
{
    /// <summary>A known format with cost parameters within the configured bounds.</summary>
    Verifiable,

    /// <summary>No format of this service reads it.</summary>
    UnknownFormat,

    /// <summary>A known format (or a recognisable one) whose cost parameters are out of bounds or malformed.</summary>
    OutOfBounds,
}

/// <summary>What this service would do with a stored hash; <see cref="Problem"/> names the parameters at fault (never the hash).</summary>
public sealed record StoredHashAssessment(StoredHashVerdict Verdict, string? Problem = null)
{
    public static readonly StoredHashAssessment Verifiable = new(StoredHashVerdict.Verifiable);

    public static readonly StoredHashAssessment UnknownFormat = new(StoredHashVerdict.UnknownFormat);
}
