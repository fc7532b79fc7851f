using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Security;

/// <summary>
/// Token buckets of failed password checks in PostgreSQL, so every instance of the service shares them.
/// A check reads one row; a failure is one atomic upsert that refills the bucket for the time elapsed
/// and spends one token. Time comes from <see cref="TimeProvider"/> (tests drive it).
/// </summary>
public sealed class FailedSignInThrottle(
    NpgsqlDataSource dataSource,
    IOptions<SignInThrottleOptions> options,
    IOptions<AuthOptions> authOptions,
    TimeProvider clock) : IFailedSignInThrottle
{
    private const string SelectSql = "select tokens, updated_at from sign_in_throttles where key_digest = $1";

    // Refill for the elapsed time (capped at the burst), then spend one. The debt is bounded at one burst,
    // so concurrent failures that all passed the check still pay for themselves, but not forever.
    private const string RecordSql = """
        insert into sign_in_throttles (key_digest, tokens, updated_at) values ($1, $2 - 1, $3)
        on conflict (key_digest) do update set
            tokens = greatest(
                least($2, sign_in_throttles.tokens + greatest(extract(epoch from ($3 - sign_in_throttles.updated_at)), 0) * $4) - 1,
                -$2),
            updated_at = greatest($3, sign_in_throttles.updated_at)
        """;

    // A bucket untouched for an hour is full again; its row carries no information.
    private const string CleanupSql = "delete from sign_in_throttles where updated_at < $1";

    private readonly SignInThrottleOptions _settings = options.Value;
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("sign-in-throttle:" + (authOptions.Value.SecretRing is [var current, ..] ? current : string.Empty)));

    public async ValueTask<TimeSpan?> CheckAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(email) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var tokens = reader.GetDouble(0);
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(1);
        var elapsed = Math.Max(0, (clock.GetUtcNow() - updatedAt).TotalSeconds);
        var available = Math.Min(_settings.Burst, tokens + (elapsed * _settings.FailuresPerSecond));
        return available >= 1 ? null : TimeSpan.FromSeconds((1 - available) / _settings.FailuresPerSecond);
    }

    public async ValueTask RecordFailureAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var command = dataSource.CreateCommand(RecordSql))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(email) });
            command.Parameters.Add(new NpgsqlParameter { Value = (double)_settings.Burst });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = _settings.FailuresPerSecond });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (RandomNumberGenerator.GetInt32(256) == 0)
        {
            await using var cleanup = dataSource.CreateCommand(CleanupSql);
            cleanup.Parameters.Add(new NpgsqlParameter { Value = now - TimeSpan.FromHours(1) });
            await cleanup.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private byte[] KeyOf(EmailAddress email) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Value));
}
