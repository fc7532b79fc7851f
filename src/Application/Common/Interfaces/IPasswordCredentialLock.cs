namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises everything that depends on a user's password hash: sign-in's session (and rehash) and a
/// password change take the credential row's lock in a transaction, so a sign-in verified against the
/// old hash either commits before the change (whose sweep then sees and revokes its session) or sees the
/// new hash and creates nothing. Implemented with SELECT ... FOR UPDATE (works behind a transaction-mode pooler).
/// </summary>
public interface IPasswordCredentialLock
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the lock of <paramref name="userId"/>'s credential
    /// row; it gets the hash as stored now (null when the row is gone). The transaction commits when work
    /// returns, and rolls back if it throws.
    /// </summary>
    Task<T> RunLockedAsync<T>(string userId, Func<string?, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
