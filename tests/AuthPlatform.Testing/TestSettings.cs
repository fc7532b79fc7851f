namespace AuthPlatform.Testing;

/// <summary>Configuration every test host starts from. The secret is a fixed test value, never a real one.</summary>
public static class TestSettings
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH";
    public const string OtherSecret = "other-secret-9876543210-zyxwvutsrqponmlkjihgfedcba-HGFEDCBA";
    public const string BaseUrl = "http://localhost";

    /// <summary>
    /// The abuse limits, raised far out of the way: tests sign in more often than 3 times in 10 s from
    /// one address. Tests of the limiters themselves remove these keys to get the real defaults.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> RaisedLimits = new Dictionary<string, string?>
    {
        ["Auth:RateLimits:PermitLimit"] = "1000000",
        ["Auth:RateLimits:CredentialPermitLimit"] = "1000000",
        ["Auth:RateLimits:MailPermitLimit"] = "1000000",
        ["Auth:SignInThrottle:Burst"] = "1000000",
        ["Auth:SignInThrottle:MaxFailuresPerHour"] = "2000000",
    };

    public static Dictionary<string, string?> For(string connectionString) => new(RaisedLimits.Concat(new Dictionary<string, string?>
    {
        ["Database:Url"] = connectionString,
        ["Auth:Secret"] = Secret,
        ["Auth:BaseUrl"] = BaseUrl,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:AuthPlatform"] = "Information",
        ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
    }));
}
