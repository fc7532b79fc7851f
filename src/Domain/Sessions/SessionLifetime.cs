using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Sessions;

/// <summary>
/// How long sessions live. A session slides forward by <see cref="ExpiresIn"/> when it is used, but its
/// row is written at most once per <see cref="UpdateAge"/>, and it never outlives
/// <see cref="AbsoluteLifetime"/> from its creation however often it is used.
/// <see cref="ShortExpiresIn"/> applies to "remember me: false" sessions.
/// </summary>
public sealed record SessionLifetime
{
    public SessionLifetime(TimeSpan expiresIn, TimeSpan updateAge, TimeSpan absoluteLifetime, TimeSpan shortExpiresIn)
    {
        if (expiresIn <= TimeSpan.Zero || shortExpiresIn <= TimeSpan.Zero)
        {
            throw new DomainRuleException("Session lifetimes must be positive.");
        }

        if (updateAge < TimeSpan.Zero || updateAge > expiresIn)
        {
            throw new DomainRuleException("The session update age must be between zero and the session lifetime.");
        }

        if (absoluteLifetime < expiresIn || absoluteLifetime < shortExpiresIn)
        {
            throw new DomainRuleException("The absolute session lifetime must be at least the sliding lifetime.");
        }

        ExpiresIn = expiresIn;
        UpdateAge = updateAge;
        AbsoluteLifetime = absoluteLifetime;
        ShortExpiresIn = shortExpiresIn;
    }

    public TimeSpan ExpiresIn { get; }

    public TimeSpan UpdateAge { get; }

    public TimeSpan AbsoluteLifetime { get; }

    public TimeSpan ShortExpiresIn { get; }

    /// <summary>BetterAuth's sliding defaults (7 d, refreshed at most daily) plus a 30-day cap it lacks.</summary>
    public static SessionLifetime Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromDays(30), TimeSpan.FromDays(1));

    public TimeSpan SlidingWindow(bool rememberMe) => rememberMe ? ExpiresIn : ShortExpiresIn;
}
