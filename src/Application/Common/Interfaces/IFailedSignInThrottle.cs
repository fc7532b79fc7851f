using AuthPlatform.Domain.Users;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Per-account backoff for failed password checks: a token bucket per account, kept in the database so
/// every service instance shares it, keyed by a digest of the canonical email so that registered and
/// unknown emails are treated identically. Only failures spend from the bucket.
/// </summary>
public interface IFailedSignInThrottle
{
    /// <summary>Null when a password check may run now; otherwise how long until the next one may.</summary>
    ValueTask<TimeSpan?> CheckAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>Spends one failure from the account's bucket.</summary>
    ValueTask RecordFailureAsync(EmailAddress email, CancellationToken cancellationToken);
}
