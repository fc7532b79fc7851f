using System.Runtime.CompilerServices;
using AuthPlatform.Application.Operators.ImportBetterAuth;
using AuthPlatform.Infrastructure.Persistence;
using Npgsql;

namespace AuthPlatform.Infrastructure.BetterAuth;

/// <summary>
/// Reads a BetterAuth PostgreSQL database (its default schema: tables "user", "account", "session" with
/// quoted camelCase columns). Everything is read in one REPEATABLE READ, READ ONLY transaction: the
/// import sees one consistent snapshot and can never write to the source.
/// </summary>
public sealed class BetterAuthSourceDatabase : IBetterAuthSource
{
    private static readonly Dictionary<string, string[]> RequiredColumns = new(StringComparer.Ordinal)
    {
        ["user"] = ["id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"],
        ["account"] = ["id", "userId", "providerId", "password", "createdAt", "updatedAt"],
        ["session"] = ["id", "userId", "token", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent"],
    };

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _snapshot;

    private BetterAuthSourceDatabase(NpgsqlConnection connection, NpgsqlTransaction snapshot, string description)
    {
        _connection = connection;
        _snapshot = snapshot;
        Description = description;
    }

    /// <summary>host:port/database of the source (never user or password).</summary>
    public string Description { get; }

    /// <summary>
    /// Connects (URL or Npgsql keyword form, as DATABASE_URL; the password given apart) and checks that
    /// the BetterAuth tables are there.
    /// </summary>
    public static async Task<BetterAuthSourceDatabase> OpenAsync(string url, string? password, CancellationToken cancellationToken)
    {
        if (!DatabaseUrl.TryParse(url, out var builder, out var problem))
        {
            throw new BetterAuthSourceException(problem.Replace("DATABASE_URL", "--from", StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(password))
        {
            builder.Password = password;
        }

        builder.ApplicationName = "authplatform-import";
        var description = DatabaseConnectionString.Describe(builder.ConnectionString);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await using (var readOnly = new NpgsqlCommand("set transaction read only", connection, snapshot))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            var source = new BetterAuthSourceDatabase(connection, snapshot, description);
            await source.CheckSchemaAsync(cancellationToken);
            return source;
        }
        catch (NpgsqlException ex)
        {
            await connection.DisposeAsync();
            throw new BetterAuthSourceException($"Cannot read the BetterAuth database at {description}: {ex.Message}", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<BetterAuthSourceSummary> SummarizeAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select (select count(*) from "user"),
                   (select count(*) from "account" where "providerId" = 'credential' and "password" is not null),
                   (select count(*) from "account" where "providerId" <> 'credential'),
                   (select count(*) from "session" where "expiresAt" > now()),
                   (select count(*) from "session" where "expiresAt" <= now())
            """;
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection, _snapshot);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new BetterAuthSourceSummary(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }
        catch (NpgsqlException ex)
        {
            throw new BetterAuthSourceException($"Reading the BetterAuth database at {Description} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Users with their newest credential account, in id order, <paramref name="batchSize"/> at a time.</summary>
    public IAsyncEnumerable<IReadOnlyList<BetterAuthUser>> ReadUsersAsync(int batchSize, CancellationToken cancellationToken)
    {
        const string sql = """
            select u."id", u."name", u."email", u."emailVerified", u."image", u."createdAt", u."updatedAt",
                   a."id", a."password", a."createdAt", a."updatedAt"
            from "user" u
            left join lateral (
                select "id", "password", "createdAt", "updatedAt" from "account"
                where "userId" = u."id" and "providerId" = 'credential' and "password" is not null
                order by "updatedAt" desc limit 1) a on true
            where u."id" > @after
            order by u."id"
            limit @limit
            """;
        return ReadInBatchesAsync(sql, batchSize, reader => new BetterAuthUser(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : new BetterAuthCredential(
                reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10))),
            user => user.Id, cancellationToken);
    }

    /// <summary>Sessions that have not expired by the source database's clock, in id order.</summary>
    public IAsyncEnumerable<IReadOnlyList<BetterAuthSession>> ReadLiveSessionsAsync(int batchSize, CancellationToken cancellationToken)
    {
        const string sql = """
            select "id", "userId", "token", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent"
            from "session"
            where "expiresAt" > now() and "id" > @after
            order by "id"
            limit @limit
            """;
        return ReadInBatchesAsync(sql, batchSize, reader => new BetterAuthSession(
            reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)),
            session => session.Id, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Keyset pagination by id: every id sorts after the empty string, each batch starts after the last id read.</summary>
    private async IAsyncEnumerable<IReadOnlyList<T>> ReadInBatchesAsync<T>(
        string sql, int batchSize, Func<NpgsqlDataReader, T> map, Func<T, string> idOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = string.Empty;
        while (await ReadBatchAsync(sql, after, batchSize, map, cancellationToken) is { Count: > 0 } batch)
        {
            yield return batch;
            after = idOf(batch[^1]);
        }
    }

    private async Task<List<T>> ReadBatchAsync<T>(string sql, string after, int limit, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection, _snapshot);
            command.Parameters.Add(new NpgsqlParameter<string>("after", after));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new List<T>(limit);
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(map(reader));
            }

            return batch;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidCastException)
        {
            // Named as the source's failure, not this service's database (which has its own exit code).
            throw new BetterAuthSourceException($"Reading the BetterAuth database at {Description} failed: {ex.Message}", ex);
        }
    }

    private async Task CheckSchemaAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema() and table_name = any(@tables)
            """;
        await using var command = new NpgsqlCommand(sql, _connection, _snapshot);
        command.Parameters.Add(new NpgsqlParameter<string[]>("tables", RequiredColumns.Keys.ToArray()));
        var found = new HashSet<(string Table, string Column)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var missing = RequiredColumns
            .SelectMany(t => t.Value.Where(c => !found.Contains((t.Key, c))).Select(c => $"\"{t.Key}\".\"{c}\""))
            .ToList();
        if (missing.Count > 0)
        {
            throw new BetterAuthSourceException(
                $"{Description} does not look like a BetterAuth database: missing {string.Join(", ", missing)}. " +
                "The import reads BetterAuth's default PostgreSQL schema (tables \"user\", \"account\", \"session\"); renamed tables or columns are not supported.");
        }
    }
}
