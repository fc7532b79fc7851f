using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Infrastructure.Cleanup;
using AuthPlatform.Infrastructure.Limits;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Request-limit stores (credential limits in PostgreSQL; the per-address limit in memory or, with
/// REDIS_URL, in Redis), the credential and user row locks and the cleanup job.
/// </summary>
public static class LimitServices
{
    public static IServiceCollection AddLimitStores(this IServiceCollection services)
    {
        services.AddSingleton<ICredentialLimitStore, PostgresCredentialLimitStore>();

        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<InMemoryAddressLimitStore>();
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var configuration = RedisUrl.TryParse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Url!, out _)!;
            configuration.AbortOnConnectFail = false; // start without Redis; the store counts in memory until it answers
            configuration.ConnectTimeout = 2000;
            configuration.ClientName = "authplatform";
            return ConnectionMultiplexer.Connect(configuration);
        });
        services.AddSingleton<IAddressLimitStore>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Url)
            ? sp.GetRequiredService<InMemoryAddressLimitStore>()
            : ActivatorUtilities.CreateInstance<RedisAddressLimitStore>(sp));

        services.AddScoped<IPasswordCredentialLock, PasswordCredentialLock>();
        services.AddScoped<RowLocks>();
        services.AddScoped<IUserRowLock>(sp => sp.GetRequiredService<RowLocks>());
        services.AddScoped<IApiKeyRowLock>(sp => sp.GetRequiredService<RowLocks>());
        services.AddScoped<IOrganizationRowLock>(sp => sp.GetRequiredService<RowLocks>());

        services.AddOptions<CleanupOptions>().BindConfiguration(CleanupOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CleanupOptions>, CleanupOptionsValidator>();
        services.AddSingleton<CleanupTargets>();
        services.AddSingleton<DatabaseCleanup>();
        services.AddHostedService<CleanupService>();
        return services;
    }
}
