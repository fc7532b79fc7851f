namespace AuthPlatform.Application.Common.Interfaces;

public enum PasswordVerification
{
    Failed,
    Succeeded,

    /// <summary>Correct, but stored with parameters older than the configured ones: store a new hash.</summary>
    SucceededRehashNeeded,
}

/// <summary>
/// Hashes and verifies passwords. Implementations normalise the password (NFKC) first and are
/// deliberately slow; they are asynchronous so a bounded worker queue can sit behind them.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    ValueTask<PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the same work as a real verification against a dummy hash and always fails. Used when
    /// there is no account, so "unknown email" and "wrong password" cost the same time.
    /// </summary>
    ValueTask<PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken);
}
