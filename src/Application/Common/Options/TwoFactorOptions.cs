namespace AuthPlatform.Application.Common.Options;

/// <summary>TOTP second factor (section "Auth:TwoFactor"); defaults are BetterAuth's.</summary>
public sealed class TwoFactorOptions
{
    public const string SectionName = "Auth:TwoFactor";

    /// <summary>The issuer authenticator apps show next to the account (otpauth:// issuer).</summary>
    public string Issuer { get; set; } = "AuthPlatform";

    /// <summary>How long a sign-in waits for its second factor (the two_factor cookie and its challenge).</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a trusted device skips the second factor; each use slides it.</summary>
    public TimeSpan TrustDeviceLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Wrong codes in a row, across challenges, before the second factor locks.</summary>
    public int MaxFailedAttempts { get; set; } = 10;

    /// <summary>How long the second factor stays locked after <see cref="MaxFailedAttempts"/>.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
