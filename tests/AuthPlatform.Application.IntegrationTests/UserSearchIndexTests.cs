using System.Data.Common;
using AuthPlatform.Application.Admin.ListUsers;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The admin API's user search is shaped so that an index serves it (migration UserSearchIndexes): the SQL list-users
/// sends, explained by PostgreSQL with sequential scans priced out, reads the trigram index of the searched column.
/// A predicate no index serves shows what the failure looks like.
/// The speed over a million users is measured by build/bench.sh, not asserted here.
/// </summary>
public sealed class UserSearchIndexTests(TestDatabase database) : IAsyncLifetime
{
    private ApplicationHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
        await database.ExecuteAsync("""
            insert into users (id, name, email, email_verified, created_at, updated_at)
            select 'search-' || i, 'Person ' || i, 'person' || i || '@example.com', true, now(), now()
            from generate_series(1, 5000) as i;
            analyze users;
            """);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("email", "contains", "son42", "ix_users_email_trgm")]
    [InlineData("email", "starts_with", "person42", null)] // the unique index on email may serve a prefix as well
    [InlineData("email", "ends_with", "42@example.com", "ix_users_email_trgm")]
    [InlineData("name", "contains", "SON 42", "ix_users_lower_name_trgm")]
    public async Task A_search_is_an_index_condition(string field, string op, string value, string? index)
    {
        var query = new ListUsersQuery(value, field, op, null, null, null, null, null, null, null);
        var (plan, count) = await ExplainAsync(db => ListUsersQueryHandler.Matching(db.Users.AsNoTracking(), query));

        Assert.True(ServedByIndex(plan), plan);
        Assert.Contains(index ?? "Index", plan);
        Assert.InRange(count, 1, 5000);
    }

    [Fact]
    public async Task Wildcards_typed_into_a_search_match_themselves()
    {
        var query = new ListUsersQuery("%", "email", "contains", null, null, null, null, null, null, null);
        var (_, count) = await ExplainAsync(db => ListUsersQueryHandler.Matching(db.Users.AsNoTracking(), query));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_predicate_no_index_serves_is_no_index_condition()
    {
        // id || email: no index is built on it
        var (plan, _) = await ExplainAsync(db => db.Users.AsNoTracking().Where(u => EF.Functions.Like(u.Id + u.Email, "%son42%")));
        Assert.False(ServedByIndex(plan), plan); // the check above can fail: this is what it looks like when it does
    }

    /// <summary>The search predicate is what an index is searched by, not a filter applied to every row read.</summary>
    private static bool ServedByIndex(string plan) => plan.Contains("Index Cond:", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal);

    /// <summary>The plan of the query's SQL with its own parameters, sequential scans priced out, and the rows it returns.</summary>
    private async Task<(string Plan, int Count)> ExplainAsync(Func<IAuthDbContext, IQueryable<Domain.Users.User>> build)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
        var query = build(db);
        var count = await query.CountAsync();
        await using var command = query.CreateDbCommand();
        var connection = command.Connection!;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "set enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        command.CommandText = "explain " + command.CommandText;
        var lines = new List<string>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        await using (var on = connection.CreateCommand())
        {
            on.CommandText = "reset enable_seqscan";
            await on.ExecuteNonQueryAsync();
        }

        return (string.Join("\n", lines), count);
    }
}
