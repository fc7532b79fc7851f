using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Users;
using Microsoft.Extensions.Options;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using Npgsql;

namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Token buckets of password checks in PostgreSQL, so every instance of the service shares them. Taking a
/// token is one atomic upsert that refills the bucket for the time elapsed and spends one only if one is
/// there (docs/adr/0085-credential-limits-in-postgresql.md): the bucket never goes below zero, so the
/// owner waits at most one refill interval after an attack stops. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class FailedSignInThrottle(
    SqlCommandRetry sql,
    IOptions<SignInThrottleOptions> options,
    IOptions<AuthOptions> authOptions,
    TimeProvider clock) : IFailedSignInThrottle
{
    // $1 key, $2 burst, $3 now, $4 refill per second. The refill is capped at the burst. When less than one
    // token is there the WHERE leaves the row untouched and no row is returned: refused, nothing spent.
    private const string TakeSql = """
        insert into sign_in_throttles as t (key_digest, tokens, updated_at) values ($1, $2 - 1, $3)
        on conflict (key_digest) do update set
            tokens = least($2, t.tokens + greatest(extract(epoch from ($3 - t.updated_at)), 0) * $4) - 1,
            updated_at = greatest($3, t.updated_at)
        where least($2, t.tokens + greatest(extract(epoch from ($3 - t.updated_at)), 0) * $4) >= 1
        returning tokens
        """;

    private const string RefundSql = "update sign_in_throttles set tokens = least($2, tokens + 1) where key_digest = $1";

    private const string SelectSql = "select tokens, updated_at from sign_in_throttles where key_digest = $1";

    private readonly SignInThrottleOptions _settings = options.Value;
    private readonly byte[] _key = SecretKeys.SignInThrottle(authOptions.Value.SecretRing is [var current, ..] ? current : string.Empty);

    public ValueTask<TimeSpan?> TryTakeAsync(EmailAddress email, CancellationToken cancellationToken) =>
        TryTakeAsync(KeyOf(email.Value), cancellationToken);

    // A space never occurs in a canonical email, so this key space cannot meet the emails'.
    public ValueTask<TimeSpan?> TryTakeForUnknownUsernameAsync(string normalizedUsername, CancellationToken cancellationToken) =>
        TryTakeAsync(KeyOf("username " + normalizedUsername), cancellationToken);

    private async ValueTask<TimeSpan?> TryTakeAsync(byte[] key, CancellationToken cancellationToken)
    {
        var taken = await sql.RunAsync(SqlCommandKind.Write, async (connection, ct) =>
        {
            await using var take = new NpgsqlCommand(TakeSql, connection);
            take.Parameters.Add(new NpgsqlParameter { Value = key });
            take.Parameters.Add(new NpgsqlParameter { Value = (double)_settings.Burst });
            take.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            take.Parameters.Add(new NpgsqlParameter { Value = _settings.FailuresPerSecond });
            return await take.ExecuteScalarAsync(ct) is not null;
        }, cancellationToken);
        if (taken)
        {
            return null;
        }

        // Refused: read the bucket only to tell the client how long to wait (the decision is already made).
        var available = await sql.RunAsync(SqlCommandKind.Read, async (connection, ct) =>
        {
            await using var read = new NpgsqlCommand(SelectSql, connection);
            read.Parameters.Add(new NpgsqlParameter { Value = key });
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return 0.0;
            }

            var elapsed = Math.Max(0, (clock.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(1)).TotalSeconds);
            return Math.Min(_settings.Burst, reader.GetDouble(0) + (elapsed * _settings.FailuresPerSecond));
        }, cancellationToken);

        return TimeSpan.FromSeconds(Math.Max(0, 1 - available) / _settings.FailuresPerSecond);
    }

    public async ValueTask RefundAsync(EmailAddress email, CancellationToken cancellationToken) =>
        await sql.RunAsync(SqlCommandKind.Write, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(RefundSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(email.Value) });
            command.Parameters.Add(new NpgsqlParameter { Value = (double)_settings.Burst });
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    private byte[] KeyOf(string accountKey) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(accountKey));
}
