namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises changes that depend on counting a user's rows across tables (the ways to sign in): the work
/// runs in a transaction holding the user row's lock, so two such changes of one user never both act on the
/// same count. Implemented with SELECT ... FOR UPDATE (works behind a transaction-mode pooler).
/// </summary>
public interface IUserRowLock
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the lock of <paramref name="userId"/>'s row. The
    /// transaction commits when work returns, and rolls back if it throws.
    /// </summary>
    Task<T> RunLockedAsync<T>(string userId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>
/// An API key's row lock, so concurrent uses of one key each count (uses left, rate limit): the same
/// SELECT ... FOR UPDATE transaction as <see cref="IUserRowLock"/>, on the key's row.
/// </summary>
public interface IApiKeyRowLock
{
    /// <summary>Runs <paramref name="work"/> in a transaction holding the lock of key <paramref name="keyId"/>; commits when it returns.</summary>
    Task<T> RunLockedAsync<T>(string keyId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>
/// An organization's row lock, so changes decided on counting its members (the last owner, the membership
/// limit) never both act on the same count: the same SELECT ... FOR UPDATE transaction, on the organization's row.
/// </summary>
public interface IOrganizationRowLock
{
    /// <summary>Runs <paramref name="work"/> in a transaction holding the lock of <paramref name="organizationId"/>; commits when it returns.</summary>
    Task<T> RunLockedAsync<T>(string organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
