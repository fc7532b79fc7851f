namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// One stored-hash format the service can verify. The current format (Argon2id PHC) also produces
/// hashes; older or imported formats only verify and ask for a rehash.
/// </summary>
public interface IPasswordHashFormat
{
    /// <summary>True when <paramref name="storedHash"/> is written in this format.</summary>
    bool Recognizes(string storedHash);

    /// <summary>
    /// Why a hash this format recognises would not be verified (cost parameters out of bounds, malformed),
    /// naming the parameters; null when it would be. Checked before any work is spent on the hash.
    /// </summary>
    string? ParameterProblem(string storedHash) => null;

    /// <summary>Checks an NFKC-normalised password. <paramref name="rehashNeeded"/> asks for an upgrade to the current parameters.</summary>
    bool Verify(string normalizedPassword, string storedHash, out bool rehashNeeded);
}
