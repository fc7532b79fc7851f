using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>Adds the retry policy and failure handling to the service's DbContext options.</summary>
public static class DatabaseResilience
{
    public static void Configure(DbContextOptionsBuilder options, IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        new NpgsqlDbContextOptionsBuilder(options)
            .ExecutionStrategy(dependencies => new SafeRetryExecutionStrategy(dependencies, database.MaxRetryCount));
        options.AddInterceptors(new FailureMarkingInterceptor(services.GetRequiredService<ConnectionPoolRecovery>()));
    }
}
