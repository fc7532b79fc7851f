using AuthPlatform.Domain.Users;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Per-account backoff for password checks: a token bucket per account, kept in the database so every
/// service instance shares it, keyed by a digest of the canonical email so that registered and unknown
/// emails are treated identically. A check takes its token atomically before the hash is computed, so
/// concurrent guesses can never all pass; a correct password gives its token back.
/// </summary>
public interface IFailedSignInThrottle
{
    /// <summary>
    /// Takes one token in one atomic statement. Null when it was taken (a password check may run now);
    /// otherwise how long until the next one may, and nothing was taken.
    /// </summary>
    ValueTask<TimeSpan?> TryTakeAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>
    /// The same, for a username that names no account (POST /sign-in/username): its own bucket, so an unknown
    /// username is throttled exactly as a known one (whose bucket is its account's email's).
    /// </summary>
    ValueTask<TimeSpan?> TryTakeForUnknownUsernameAsync(string normalizedUsername, CancellationToken cancellationToken);

    /// <summary>Returns the token taken for a password that turned out to be correct.</summary>
    ValueTask RefundAsync(EmailAddress email, CancellationToken cancellationToken);
}
