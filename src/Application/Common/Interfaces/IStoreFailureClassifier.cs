namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Tells whether an exception means "the store is unavailable" (database down, connection lost, pool
/// exhausted, timeout). Those become 503 with Retry-After, never "no session" or 401.
/// </summary>
public interface IStoreFailureClassifier
{
    bool IsStoreUnavailable(Exception exception);
}
