using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// Credential-route counters in PostgreSQL: one row per key holding its current fixed window, counted
/// with a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so every instance shares the count and
/// no two requests can read the same value (docs/adr/0085-credential-limits-in-postgresql.md).
/// </summary>
public sealed class PostgresCredentialLimitStore(SqlCommandRetry sql, IOptions<AuthOptions> authOptions) : ICredentialLimitStore
{
    // $1 key, $2 now, $3 window. A window that has not run out is counted into (also when an instance's
    // clock runs behind); one that has is replaced by a new window starting now.
    private const string CountSql = """
        insert into request_limit_windows as w (key_digest, window_start, hits) values ($1, $2, 1)
        on conflict (key_digest) do update set
            hits = case when w.window_start + $3 > excluded.window_start then least(w.hits, 1000000000) + 1 else 1 end,
            window_start = case when w.window_start + $3 > excluded.window_start then w.window_start else excluded.window_start end
        returning hits, window_start
        """;

    private readonly byte[] _key = SecretKeys.RequestLimit(authOptions.Value.SecretRing is [var current, ..] ? current : string.Empty);

    public async ValueTask<WindowCount> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var digest = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key));
        return await sql.RunAsync(SqlCommandKind.Write, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(CountSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = digest });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = window });
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new WindowCount(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1));
        }, cancellationToken);
    }
}
