using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>The one place the EF Core provider is configured, shared by the service and design-time tools.</summary>
public static class AuthDbContextSetup
{
    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        Apply(options.UseNpgsql(dataSource, Npgsql));

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        Apply(options.UseNpgsql(connectionString, Npgsql));

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    private static void Apply(DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention();
}
