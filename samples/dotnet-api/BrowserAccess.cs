using Microsoft.AspNetCore.Cors.Infrastructure;

/// <summary>
/// Lets browser frontends call /protected directly: RS_CORS_ORIGINS is a comma list of exact origins
/// (https://app.example.com). Bearer tokens only, so no credentials (cookies) are allowed. Unset: no CORS.
/// </summary>
internal static class BrowserAccess
{
    public const string OriginsVariable = "RS_CORS_ORIGINS";

    public static IServiceCollection AddBrowserAccess(this IServiceCollection services)
    {
        var origins = (Environment.GetEnvironmentVariable(OriginsVariable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return services.AddCors(cors => cors.AddDefaultPolicy(new CorsPolicyBuilder()
            .WithOrigins(origins)
            .WithMethods("GET")
            .WithHeaders("Authorization")
            .WithExposedHeaders("WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build()));
    }
}
