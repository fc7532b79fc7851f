using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// Credential-route counters in PostgreSQL: one row per key holding its current fixed window, counted
/// with a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so every instance shares the count and
/// no two requests can read the same value (docs/adr/0085-credential-limits-in-postgresql.md).
/// </summary>
public sealed class PostgresCredentialLimitStore(NpgsqlDataSource dataSource, IOptions<AuthOptions> authOptions) : ICredentialLimitStore
{
    // A row from an older window starts over at 1. A row from a newer window (an instance whose clock runs
    // ahead) is counted into, never reset, so clock skew cannot hand out a fresh window.
    private const string CountSql = """
        insert into request_limit_windows as w (key_digest, window_start, hits) values ($1, $2, 1)
        on conflict (key_digest) do update set
            hits = case when w.window_start >= excluded.window_start then least(w.hits, 1000000000) + 1 else 1 end,
            window_start = greatest(w.window_start, excluded.window_start)
        returning hits
        """;

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("request-limit:" + (authOptions.Value.SecretRing is [var current, ..] ? current : string.Empty)));

    public async ValueTask<long> CountAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CountSql);
        command.Parameters.Add(new NpgsqlParameter { Value = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(key)) });
        command.Parameters.Add(new NpgsqlParameter { Value = windowStart });
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
