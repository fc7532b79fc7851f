using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Configuration;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// What checks share: the service's container and configuration, the clock, and findings of earlier
/// checks. Settings are bound straight from configuration, without validation, so a check can look at
/// a configuration the service itself would refuse; for the same reason checks resolve the services
/// they use from <see cref="Services"/> when they run (resolving one may throw on invalid settings, which
/// then fails that check alone).
/// </summary>
public sealed class DoctorContext(IServiceProvider services, IConfiguration configuration, TimeProvider clock)
{
    private readonly Dictionary<Type, object> _shared = [];

    public IServiceProvider Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public TimeProvider Clock { get; } = clock;

    public AuthOptions Auth => Settings<AuthOptions>(AuthOptions.SectionName);

    public JwtOptions Jwt => Settings<JwtOptions>(JwtOptions.SectionName);

    /// <summary>--offline: checks that would fetch the public URL (issuer, JWKS) do not, e.g. before the first instance runs.</summary>
    public bool Offline { get; init; }

    /// <summary>--resource-server: a downstream service's token settings to compare with ours; null when not given.</summary>
    public ResourceServerSettings? ResourceServer { get; init; }

    /// <summary>Set by the database check when the database answered; null otherwise.</summary>
    public DatabaseObservation? DatabaseObservation { get; set; }

    /// <summary>The signing-key rows, read once by the first check that needs them (<see cref="KeyRingRows"/>).</summary>
    public KeyRingRows? KeyRing { get; set; }

    /// <summary>The base URL when it is a valid absolute http(s) URL; null otherwise (the configuration check says why).</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(Auth.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>A settings section bound as it is, unvalidated (defaults where unset).</summary>
    public T Settings<T>(string section) where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>Something one check fetched for others of the same run (e.g. the published JWKS), by its type.</summary>
    public T? Shared<T>() where T : class => _shared.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public T Share<T>(T value) where T : class
    {
        _shared[typeof(T)] = value;
        return value;
    }
}
