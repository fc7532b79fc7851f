namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Per client IP and path limits (section "Auth:RateLimits"), always on. Defaults are BetterAuth's
/// production defaults: 3 requests per 10 s on the credential routes, 100 per 10 s on every other route.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Auth:RateLimits";

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    public int PermitLimit { get; set; } = 100;

    public TimeSpan CredentialWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for <see cref="CredentialRoutes"/>: routes that check a password.</summary>
    public int CredentialPermitLimit { get; set; } = 3;

    /// <summary>
    /// Route prefixes (under the base path) that get the credential limit, counted in PostgreSQL and shared by
    /// every instance: routes that check a password, send mail or check a second factor.
    /// </summary>
    public string[] CredentialRoutes { get; set; } =
    [
        "/sign-in", "/sign-up", "/change-password", "/change-email",
        "/request-password-reset", "/forget-password", "/reset-password", "/send-verification-email",
        "/two-factor", "/email-otp",
    ];
}
