using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Social;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sign-in with identity providers: settings and shared services of the Application layer.</summary>
public static class SocialRegistration
{
    public static IServiceCollection AddSocialSignIn(this IServiceCollection services)
    {
        services.AddOptions<SocialOptions>().BindConfiguration(SocialOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SocialOptions>, SocialOptionsValidator>();
        services.AddScoped<SocialAuthorization>();
        services.AddScoped<AccountTokens>();
        return services;
    }
}
