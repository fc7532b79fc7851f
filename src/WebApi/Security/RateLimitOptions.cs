namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Per client IP and path limits (section "Auth:RateLimits"), always on. Defaults are BetterAuth's
/// production defaults: 3 requests per 10 s on the credential routes (declared by the route, Routing/AuthRouteAttribute.cs), 100 per 10 s on every other route.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Auth:RateLimits";

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    public int PermitLimit { get; set; } = 100;

    public TimeSpan CredentialWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Limit for the routes that check a password: each declares it beside its route
    /// (<c>[AuthRoute(RateLimit = RateLimitClass.Credential)]</c>), so there is no list of paths to keep in step.
    /// </summary>
    public int CredentialPermitLimit { get; set; } = 3;

    /// <summary>
    /// Limit for the routes that send mail (BetterAuth: 3 per 60 s), declared beside each route
    /// (<c>[AuthRoute(RateLimit = RateLimitClass.Mail)]</c>).
    /// </summary>
    public int MailPermitLimit { get; set; } = 3;

    public TimeSpan MailWindow { get; set; } = TimeSpan.FromSeconds(60);
}
