using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Session lifetimes (section "Auth:Session"). Defaults: 7 d sliding, refreshed at most daily, 30 d cap.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Auth:Session";

    /// <summary>Sliding lifetime: a session unused this long expires.</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The row is written (and the cookie re-sent) at most once per this interval.</summary>
    public TimeSpan UpdateAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Hard cap from creation that sliding never passes.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sliding lifetime of "remember me: false" sessions (their cookie is a browser-session cookie).</summary>
    public TimeSpan ShortExpiresIn { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How recently a session must have been created to make sensitive changes without the password.</summary>
    public TimeSpan FreshAge { get; set; } = TimeSpan.FromMinutes(10);

    public SessionLifetime ToLifetime() => new(ExpiresIn, UpdateAge, AbsoluteLifetime, ShortExpiresIn);
}
