using System.Reflection;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Xunit;

namespace AuthPlatform.Testing;

/// <summary>
/// One database per test assembly on the server build/test.sh started (AUTHPLATFORM_TEST_PG), or on a
/// cluster of its own when run outside the script. Migrations are applied once per process, to a template
/// every test database is copied from; <see cref="ResetAsync"/>
/// (Respawn) empties every table except the migration history between tests.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string AdminVariable = "AUTHPLATFORM_TEST_PG";

    private PostgresCluster? _ownCluster;
    private Respawner? _respawner;
    private string _name = string.Empty;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var admin = Environment.GetEnvironmentVariable(AdminVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            _ownCluster = await PostgresCluster.StartAsync();
            admin = _ownCluster.AdminConnectionString;
        }

        AdminConnectionString = admin;
        var assembly = (Assembly.GetEntryAssembly() ?? typeof(TestDatabase).Assembly).GetName().Name ?? "tests";
        _name = $"ap_{new string(assembly.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()}_{Guid.NewGuid():N}"[..48];
        await ExecuteAdminAsync($"create database \"{_name}\" template \"{await MigratedTemplateAsync(admin)}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__ef_migrations_history")],
        });
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<string, string> Templates = [];

    /// <summary>
    /// A database with every migration applied, made once per test process and server; each test database is
    /// a copy of it (CREATE DATABASE ... TEMPLATE), which costs a fraction of migrating one more database:
    /// suites that give each test a database of its own (clients, interop) make about forty.
    /// Dropped when the process exits.
    /// </summary>
    private static async Task<string> MigratedTemplateAsync(string admin)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (!Templates.TryGetValue(admin, out var template))
            {
                template = $"ap_template_{Guid.NewGuid():N}";
                await ExecuteAdminAsync(admin, $"create database \"{template}\"");
                var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = template }.ConnectionString;
                await MigrateAsync(connectionString);

                // A template must have no open connection while it is copied: close the pooled ones.
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    NpgsqlConnection.ClearPool(connection);
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try
                    {
                        ExecuteAdminAsync(admin, $"drop database if exists \"{template}\" with (force)").GetAwaiter().GetResult();
                    }
                    catch (NpgsqlException)
                    {
                        // The server may already be gone (the script stops it); nothing to clean then.
                    }
                };
                Templates[admin] = template;
            }

            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContextSetup.Configure(options, connectionString);
        await using var db = new AuthDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>Runs statements against the test database (a fault to inject, such as a trigger that refuses a write).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query against the test database (for assertions on stored rows).</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Marks a user's address verified, as following the verification link would: adding a passkey, a second
    /// factor or a provider's account needs it.
    /// </summary>
    public async Task MarkEmailVerifiedAsync(string email)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("update users set email_verified = true where email = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = email });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAdminAsync($"drop database if exists \"{_name}\" with (force)");
        }
        catch (NpgsqlException)
        {
            // The server may already be gone (the script stops it); nothing to clean then.
        }

        if (_ownCluster is not null)
        {
            await _ownCluster.DisposeAsync();
        }
    }

    private Task ExecuteAdminAsync(string sql) => ExecuteAdminAsync(AdminConnectionString, sql);

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
