using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.Operator.Tests;

/// <summary>`migrate` on a database that has never seen the service, and again on the migrated one: the real binary, as a deployment runs it before the service starts.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _server = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_fresh_database_is_migrated_without_an_error_line_and_a_second_run_has_nothing_to_do()
    {
        var environment = OperatorCli.GoodEnvironment(await CreateEmptyDatabaseAsync());

        var first = await OperatorCli.RunProcessAsync(environment, "migrate");
        var second = await OperatorCli.RunProcessAsync(environment, "migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Applied ", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"@l\":\"Error\"", first.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed executing DbCommand", first.All, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("The database schema is up to date.", second.Output, StringComparison.Ordinal);
    }

    private async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"migrate_fresh_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = name }.ConnectionString;
    }
}
