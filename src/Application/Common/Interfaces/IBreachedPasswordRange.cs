namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>What a range query said about one password.</summary>
public enum BreachLookup
{
    /// <summary>The password's hash is not in the range: not known from a breach.</summary>
    NotFound,

    /// <summary>The password's hash is in the range with a count above zero.</summary>
    Found,

    /// <summary>The range could not be read (timeout, 5xx, unreachable, unreadable answer): nothing is known.</summary>
    Unavailable,
}

/// <summary>
/// The k-anonymity range query of Have I Been Pwned's Pwned Passwords (or an operator's copy of the range
/// files): only the first five hex characters of the password's SHA-1 leave the service.
/// </summary>
public interface IBreachedPasswordRange
{
    Task<BreachLookup> LookUpAsync(string password, CancellationToken cancellationToken);
}
