using AuthPlatform.WebApi.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The protections every request passes (docs/security.md): trusted-proxy handling of X-Forwarded-For,
/// security headers, CORS for trusted origins only, rate limits and the CSRF origin check.
/// </summary>
public static class SecurityHardening
{
    /// <summary>Exposed to browser scripts on cross-origin responses (BetterAuth's bearer and JWT headers).</summary>
    public static readonly string[] ExposedHeaders = ["set-auth-token", "set-auth-jwt", "X-Request-Id", "Retry-After", "X-Retry-After"];

    /// <summary>Request headers a preflight may ask for: what BetterAuth's client sends.</summary>
    public static readonly string[] AllowedHeaders = ["Content-Type", "Authorization", "X-Request-Id", "Accept", "Accept-Language", "Cache-Control", "Pragma"];

    public static IServiceCollection AddSecurityHardening(this IServiceCollection services)
    {
        // Registered before the general handler (handlers run in registration order).
        services.AddExceptionHandler<PasswordHashingBusyHandler>();

        services.AddSingleton<TrustedOrigins>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<TrustedOrigins>((cors, trusted) => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(trusted.IsTrusted)
            .AllowCredentials()
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = null; // walk back through every trusted hop, stop at the first untrusted one
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable CS0618, ASPDEPR005 // the obsolete list may still hold the loopback default
            forwarded.KnownNetworks.Clear();
#pragma warning restore CS0618, ASPDEPR005
            foreach (var entry in proxies.Value.Entries)
            {
                if (TrustedProxyOptions.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });

        services.AddAuthRateLimits();
        return services;
    }

    /// <summary>
    /// First in the pipeline: everything after it (logs, limits, sessions) sees the real client address.
    /// Only when proxies are configured: with empty proxy lists the forwarded-headers middleware would
    /// believe X-Forwarded-For from anyone. Read from configuration, not options, so that an invalid
    /// entry is reported by start-up validation rather than thrown here.
    /// </summary>
    public static WebApplication UseTrustedProxyHeaders(this WebApplication app)
    {
        var proxies = new TrustedProxyOptions { TrustedProxies = app.Configuration[$"{TrustedProxyOptions.SectionName}:{nameof(TrustedProxyOptions.TrustedProxies)}"] };
        if (proxies.Entries.Any(entry => TrustedProxyOptions.TryParse(entry, out _)))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Security headers, CORS (preflights end here), rate limits, the CSRF origin check, then admission to the hashing routes.</summary>
    public static WebApplication UseRequestProtection(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCors();
        app.UseRateLimiter();
        app.UseMiddleware<OriginCheck>();
        app.UseMiddleware<CredentialRouteAdmission>();
        return app;
    }
}
