using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Infrastructure: the database (one pooled data source and DbContext pool) and password hashing.</summary>
public static class InfrastructureDependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // One data source (and so one connection pool) per process, shared by EF Core and raw probes.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(DatabaseConnectionString.Build(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)).Build());

        // Pooled DbContext instances: handlers get a scoped one; background work creates its own.
        services.AddPooledDbContextFactory<AuthDbContext>((sp, options) => AuthDbContextSetup.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext());
        services.AddScoped<IAuthDbContext>(sp => sp.GetRequiredService<AuthDbContext>());
        services.AddSingleton<IStoreFailureClassifier, StoreFailureClassifier>();
        services.AddSingleton<DatabaseStatus>();

        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
        services.AddSingleton<Argon2idHashFormat>();
        services.AddSingleton<IPasswordHashFormat, BetterAuthScryptHashFormat>(); // imported hashes, rehashed on sign-in
        services.AddSingleton<IPasswordHashFormats, PasswordHashFormats>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();

        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
