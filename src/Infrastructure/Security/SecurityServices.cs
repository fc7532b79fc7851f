using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Abuse protection in Infrastructure: the bounded password-hashing queue around <see cref="PasswordHasher"/>,
/// the per-account failed-sign-in throttle, the common-password list and the breached-password range query.
/// </summary>
public static class SecurityServices
{
    public static IServiceCollection AddAbuseProtection(this IServiceCollection services)
    {
        services.AddOptions<PasswordHashingQueueOptions>().BindConfiguration(PasswordHashingQueueOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingQueueOptions>, PasswordHashingQueueOptionsValidator>();
        services.AddSingleton<IPasswordHasher>(sp => new BoundedPasswordHasher(
            sp.GetRequiredService<PasswordHasher>(), sp.GetRequiredService<IOptions<PasswordHashingQueueOptions>>()));

        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInThrottleOptions>, SignInThrottleOptionsValidator>();
        services.AddSingleton<IFailedSignInThrottle, FailedSignInThrottle>();

        services.AddSingleton<ICommonPasswordList, CommonPasswordList>();

        // The breached-password range query: its own HttpClient; the per-query timeout is Auth:BreachedPasswords:Timeout.
        services.AddHttpClient(PwnedPasswordsRange.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("AuthPlatform-Password-Checker"));
        services.AddSingleton<IBreachedPasswordRange, PwnedPasswordsRange>();
        return services;
    }
}
