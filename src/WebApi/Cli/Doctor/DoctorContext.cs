using AuthPlatform.Application.Common.Options;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.Cli.Doctor;

/// <summary>
/// What checks share: the service's container and configuration, the clock, and findings of earlier
/// checks. Settings are bound straight from configuration, without validation, so a check can look at
/// a configuration the service itself would refuse.
/// </summary>
public sealed class DoctorContext(IServiceProvider services, IConfiguration configuration, TimeProvider clock)
{
    public IServiceProvider Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public TimeProvider Clock { get; } = clock;

    public AuthOptions Auth => Bind<AuthOptions>(AuthOptions.SectionName);

    public DatabaseOptions Database => Bind<DatabaseOptions>(DatabaseOptions.SectionName);

    public CookieSettings Cookies => Bind<CookieSettings>(CookieSettings.SectionName);

    /// <summary>Set by <see cref="DatabaseCheck"/> when the database answered; null otherwise.</summary>
    public DatabaseObservation? DatabaseObservation { get; set; }

    /// <summary>The base URL when it is a valid absolute http(s) URL; null otherwise (the configuration check says why).</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(Auth.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private T Bind<T>(string section) where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();
}
