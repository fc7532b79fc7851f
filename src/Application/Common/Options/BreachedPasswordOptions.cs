namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The breached-password check of every new password (section "Auth:BreachedPasswords", BetterAuth's
/// haveIBeenPwned plugin): a range query by the first five hex characters of the password's SHA-1.
/// </summary>
public sealed class BreachedPasswordOptions
{
    public const string SectionName = "Auth:BreachedPasswords";

    /// <summary>Off by default, as the plugin is in BetterAuth: turning it on sends range queries to <see cref="RangeUrl"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The range endpoint; the five-character prefix is appended. An operator's own copy of the range files works too.</summary>
    public string RangeUrl { get; set; } = "https://api.pwnedpasswords.com/range/";

    /// <summary>How long one range query may take before the password counts as unchecked.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When the range cannot be read: false (the default) accepts the password (logged and counted);
    /// true refuses it with 503 PASSWORD_CHECK_UNAVAILABLE.
    /// </summary>
    public bool FailClosed { get; set; }
}
