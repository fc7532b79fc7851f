namespace AuthPlatform.Testing;

/// <summary>Configuration every test host starts from. The secret is a fixed test value, never a real one.</summary>
public static class TestSettings
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH";
    public const string OtherSecret = "other-secret-9876543210-zyxwvutsrqponmlkjihgfedcba-HGFEDCBA";
    public const string BaseUrl = "http://localhost";

    public static Dictionary<string, string?> For(string connectionString) => new()
    {
        ["Database:Url"] = connectionString,
        ["Auth:Secret"] = Secret,
        ["Auth:BaseUrl"] = BaseUrl,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:AuthPlatform"] = "Information",
        ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
    };
}
