namespace AuthPlatform.Application.Common.Limits;

/// <summary>
/// Counts requests per key in fixed windows. One call is one atomic increment (no read-then-write), so
/// concurrent requests, on one instance or many, can never all see the same count.
/// </summary>
public interface IRequestCounter
{
    /// <summary>
    /// Counts one request for <paramref name="key"/> at <paramref name="now"/>: into the key's window if it
    /// started less than <paramref name="window"/> ago, else as the first of a new window starting now.
    /// </summary>
    ValueTask<WindowCount> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>
/// The counter of the limits that guard credentials (sign-in, sign-up, change-password, mail-sending and
/// second-factor routes): in PostgreSQL, shared by every instance, so a client spreading its guesses over
/// N instances gets the configured limit, not N times it.
/// </summary>
public interface ICredentialLimitStore : IRequestCounter;

/// <summary>
/// The counter of the general per-address limit: in the memory of each instance by default, shared
/// through Redis when one is configured (REDIS_URL).
/// </summary>
public interface IAddressLimitStore : IRequestCounter;
