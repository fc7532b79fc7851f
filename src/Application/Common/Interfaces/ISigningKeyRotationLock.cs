namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Serialises key rotation across every instance sharing the database, so instances rotating at the same
/// moment create exactly one new key. The work runs inside one transaction on the scoped
/// <see cref="IAuthDbContext"/>, which commits when the work returns.
/// </summary>
public interface ISigningKeyRotationLock
{
    Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
