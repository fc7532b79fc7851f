using System.Diagnostics;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>What the database looks like from here: reachable, how fast, which migrations are applied.</summary>
public sealed record DatabaseReport(TimeSpan Latency, string ServerVersion, IReadOnlyList<string> AppliedMigrations, IReadOnlyList<string> PendingMigrations, DateTimeOffset ServerTime);

/// <summary>Start-up checks, the migrate command and doctor share these probes.</summary>
public sealed class DatabaseStatus(NpgsqlDataSource dataSource, IDbContextFactory<AuthDbContext> contextFactory) : IDatabaseSchema
{
    public async Task<DatabaseSchemaState> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new DatabaseSchemaState(known, applied);
    }

    public async Task<DatabaseReport> ProbeAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select now(), current_setting('server_version')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var serverTime = reader.GetFieldValue<DateTimeOffset>(0);
        var version = reader.GetString(1);
        var latency = Stopwatch.GetElapsedTime(started);
        await reader.DisposeAsync();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return new DatabaseReport(latency, version, applied, pending, serverTime);
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>The SQL of every migration, idempotent, for operators who apply it themselves.</summary>
    public async Task<string> ScriptAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}
