using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Testing;
using Npgsql;

[assembly: AssemblyFixture(typeof(TestDatabase))]

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>Real failures from a real server, classified: unavailability is 503, SQL mistakes are bugs.</summary>
public sealed class StoreFailureClassifierTests(TestDatabase database)
{
    private readonly StoreFailureClassifier _classifier = new();

    [Fact]
    public async Task A_server_that_is_not_listening_means_unavailable()
    {
        var port = PostgresCluster.FreePort();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.True(_classifier.IsStoreUnavailable(exception));
    }

    [Fact]
    public async Task An_exhausted_pool_means_unavailable()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString;
        await using var held = new NpgsqlConnection(connectionString);
        await held.OpenAsync();
        await using var second = new NpgsqlConnection(connectionString);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => second.OpenAsync());

        Assert.True(_classifier.IsStoreUnavailable(exception));
    }

    [Fact]
    public async Task A_statement_timeout_means_unavailable()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("set statement_timeout = 50; select pg_sleep(2)", connection);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteNonQueryAsync());

        Assert.True(_classifier.IsStoreUnavailable(exception));
    }

    [Fact]
    public async Task A_sql_mistake_is_a_bug_not_an_outage()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select * from no_such_table", connection);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteNonQueryAsync());

        Assert.False(_classifier.IsStoreUnavailable(exception));
    }

    [Fact]
    public void A_unique_violation_is_an_outcome_not_an_outage() =>
        Assert.False(_classifier.IsStoreUnavailable(new UniqueConstraintViolationException("ix_users_email", new InvalidOperationException())));
}
