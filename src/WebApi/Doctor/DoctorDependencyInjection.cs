using AuthPlatform.Application.Operators.RunDoctor;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>The doctor checks about HTTP: settings validation, cookies, issuer, the published JWKS, a resource server's view.</summary>
public static class DoctorDependencyInjection
{
    public static IServiceCollection AddHttpDoctorChecks(this IServiceCollection services)
    {
        services.AddSingleton<IDoctorCheck, ConfigurationCheck>();
        services.AddSingleton<IDoctorCheck, IssuerCheck>();
        services.AddSingleton<IDoctorCheck, JwksCheck>();
        services.AddSingleton<IDoctorCheck, CookieCheck>();
        services.AddSingleton<IDoctorCheck, ResourceServerCheck>();
        return services;
    }
}
