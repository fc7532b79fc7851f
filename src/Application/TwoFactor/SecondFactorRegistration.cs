using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.TwoFactor;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Two-factor and passkey services and settings of the Application layer.</summary>
public static class SecondFactorRegistration
{
    public static IServiceCollection AddSecondFactors(this IServiceCollection services)
    {
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwoFactorOptions>, TwoFactorOptionsValidator>();
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidator>();
        services.AddScoped<SecondFactorAttempt>();
        services.AddScoped<PasswordConfirmation>();
        services.AddScoped<AuthPlatform.Application.Common.Security.SignInMethodRemoval>();
        services.AddScoped<WebAuthnChallengeStore>();
        return services;
    }
}
