using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Token buckets of password checks in PostgreSQL, so every instance of the service shares them. Taking a
/// token is one atomic upsert that refills the bucket for the time elapsed and spends one only if one is
/// there (docs/adr/0085-credential-limits-in-postgresql.md): the bucket never goes below zero, so the
/// owner waits at most one refill interval after an attack stops. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class FailedSignInThrottle(
    NpgsqlDataSource dataSource,
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

    public async ValueTask<TimeSpan?> TryTakeAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        await using (var take = dataSource.CreateCommand(TakeSql))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = key });
            take.Parameters.Add(new NpgsqlParameter { Value = (double)_settings.Burst });
            take.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            take.Parameters.Add(new NpgsqlParameter { Value = _settings.FailuresPerSecond });
            if (await take.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return null;
            }
        }

        // Refused: read the bucket only to tell the client how long to wait (the decision is already made).
        await using var read = dataSource.CreateCommand(SelectSql);
        read.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var available = 0.0;
        if (await reader.ReadAsync(cancellationToken))
        {
            var elapsed = Math.Max(0, (clock.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(1)).TotalSeconds);
            available = Math.Min(_settings.Burst, reader.GetDouble(0) + (elapsed * _settings.FailuresPerSecond));
        }

        return TimeSpan.FromSeconds(Math.Max(0, 1 - available) / _settings.FailuresPerSecond);
    }

    public async ValueTask RefundAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RefundSql);
        command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(email) });
        command.Parameters.Add(new NpgsqlParameter { Value = (double)_settings.Burst });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private byte[] KeyOf(EmailAddress email) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Value));
}
