using AuthPlatform.Application.SignInPipeline;

namespace Microsoft.Extensions.DependencyInjection;

internal static class SignInPipelineRegistration
{
    public static IServiceCollection AddSignInPipeline(this IServiceCollection services)
    {
        services.AddScoped<SecondFactorGate>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<PasswordFirstFactor>();
        return services;
    }
}
