namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// One stored-hash format the service can verify. The current format (Argon2id PHC) also produces
/// hashes; older or imported formats only verify and ask for a rehash.
/// </summary>
public interface IPasswordHashFormat
{
    /// <summary>True when <paramref name="storedHash"/> is written in this format.</summary>
    bool Recognizes(string storedHash);

    /// <summary>Checks an NFKC-normalised password. <paramref name="rehashNeeded"/> asks for an upgrade to the current parameters.</summary>
    bool Verify(string normalizedPassword, string storedHash, out bool rehashNeeded);
}
