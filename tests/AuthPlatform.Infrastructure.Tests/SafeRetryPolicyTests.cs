using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Domain.Users;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>
/// The retry policy of docs/adr/0030-database-resilience.md: operations that cannot have been applied are
/// tried again (so a terminated backend costs no request), everything else fails at once.
/// </summary>
public sealed class SafeRetryPolicyTests(TestDatabase database)
{
    [Fact]
    public async Task A_read_on_a_terminated_backend_is_retried_and_returns_the_stored_row()
    {
        await using var services = Build(maxRetryCount: 2, out var applicationName);
        var email = $"read-{Guid.NewGuid():N}@example.com";
        await using (var warm = CreateContext(services))
        {
            warm.Users.Add(User.Register("Stored before the fault", EmailAddress.Parse(email), null, DateTimeOffset.UtcNow));
            await warm.SaveChangesAsync(); // also leaves an idle connection in the pool
        }

        Assert.True(await TerminateAsync(applicationName) > 0);
        await using var db = CreateContext(services);

        var names = await db.Users.Where(u => u.Email == email).Select(u => u.Name).ToListAsync();

        Assert.Equal("Stored before the fault", Assert.Single(names));
    }

    [Fact]
    public async Task Without_retries_the_same_read_fails_so_the_fault_is_real()
    {
        await using var services = Build(maxRetryCount: 0, out var applicationName);
        await using (var warm = CreateContext(services))
        {
            await warm.Users.CountAsync();
        }

        Assert.True(await TerminateAsync(applicationName) > 0);
        await using var db = CreateContext(services);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Users.CountAsync());
    }

    [Fact]
    public async Task A_write_the_server_aborted_is_retried_and_applied_exactly_once()
    {
        await using var services = Build(maxRetryCount: 2, out var applicationName);
        await using (var warm = CreateContext(services))
        {
            await warm.Users.CountAsync();
        }

        Assert.True(await TerminateAsync(applicationName) > 0);
        var email = $"retry-{Guid.NewGuid():N}@example.com";
        await using var db = CreateContext(services);
        db.Users.Add(User.Register("Retry", EmailAddress.Parse(email), null, DateTimeOffset.UtcNow));

        await db.SaveChangesAsync();

        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from users where email = $1", email));
    }

    [Fact]
    public async Task A_transaction_the_caller_starts_runs_as_usual_and_is_not_retried_inside()
    {
        await using var services = Build(maxRetryCount: 2, out var applicationName);
        var email = $"tx-{Guid.NewGuid():N}@example.com";
        await using (var db = CreateContext(services))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(42)");
            db.Users.Add(User.Register("Tx", EmailAddress.Parse(email), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from users where email = $1", email));

        // The connection dies mid-transaction: the next statement fails instead of being retried on a
        // fresh connection where the transaction (and its lock) no longer exist.
        await using (var db = CreateContext(services))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Users.CountAsync();
            Assert.True(await TerminateAsync(applicationName) > 0);

            await Assert.ThrowsAnyAsync<Exception>(() => db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task A_counter_written_in_SQL_on_a_terminated_backend_is_retried_and_counted_once()
    {
        await using var services = Build(maxRetryCount: 2, out var applicationName);
        var counter = services.GetRequiredService<ICredentialLimitStore>();
        var key = $"retry-count-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(1L, (await counter.CountAsync(key, now, TimeSpan.FromMinutes(1), default)).Hits); // leaves an idle connection

        Assert.True(await TerminateAsync(applicationName) > 0);
        var second = await counter.CountAsync(key, now, TimeSpan.FromMinutes(1), default);

        Assert.Equal(2L, second.Hits);
    }

    [Fact]
    public async Task Without_retries_the_same_counter_fails_so_the_fault_is_real()
    {
        await using var services = Build(maxRetryCount: 0, out var applicationName);
        var counter = services.GetRequiredService<ICredentialLimitStore>();
        var key = $"retry-count-{Guid.NewGuid():N}";
        await counter.CountAsync(key, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), default);

        Assert.True(await TerminateAsync(applicationName) > 0);

        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await counter.CountAsync(key, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public void Only_failures_that_cannot_have_applied_a_write_allow_a_retry()
    {
        static NpgsqlException Broken() => new("Exception while reading from stream", new EndOfStreamException());

        Assert.False(SafeRetryExecutionStrategy.AllowsRetry(Broken())); // a write with no verdict: unknown outcome
        var read = Broken();
        FailureMarks.MarkRead(read);
        Assert.True(SafeRetryExecutionStrategy.AllowsRetry(read));
        var neverSent = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));
        FailureMarks.MarkNotSent(neverSent);
        Assert.True(SafeRetryExecutionStrategy.AllowsRetry(neverSent));
        Assert.True(SafeRetryExecutionStrategy.AllowsRetry(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(SafeRetryExecutionStrategy.AllowsRetry(new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure)));

        // Timeouts (pool exhausted, slow or locked database) are never retried, even for reads.
        var timedOut = new NpgsqlException("The connection pool has been exhausted", new TimeoutException());
        FailureMarks.MarkRead(timedOut);
        FailureMarks.MarkNotSent(timedOut);
        Assert.False(SafeRetryExecutionStrategy.AllowsRetry(timedOut));
        Assert.False(SafeRetryExecutionStrategy.AllowsRetry(new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled)));
        Assert.False(SafeRetryExecutionStrategy.AllowsRetry(new PostgresException("relation does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)));
    }

    private ServiceProvider Build(int maxRetryCount, out string applicationName)
    {
        applicationName = $"retry-test-{Guid.NewGuid():N}"[..30];
        var url = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Url"] = url,
            ["Database:MaxRetryCount"] = $"{maxRetryCount}",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddInfrastructure();
        return services.BuildServiceProvider();
    }

    private static AuthDbContext CreateContext(ServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();

    private async Task<long> TerminateAsync(string applicationName) =>
        await database.ScalarAsync<long>(
            "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1) t", applicationName);
}
