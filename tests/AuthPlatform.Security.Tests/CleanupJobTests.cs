using AuthPlatform.Infrastructure.Cleanup;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// The cleanup job deletes exactly the dead rows (sessions expired or revoked longer ago than the retention,
/// refilled throttle buckets, past limit windows) in batches of BatchSize, keeps the rest, and does nothing
/// while another instance holds its lock.
/// </summary>
[Trait("Tier", "fast")]
public sealed class CleanupJobTests(TestDatabase database, ITestOutputHelper output) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Dead_rows_go_in_batches_live_ones_stay_and_a_held_lock_stops_the_run()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        factory.Settings["Auth:Cleanup:BatchSize"] = "7";
        factory.Settings["Auth:Cleanup:Enabled"] = "false"; // the test runs the job itself
        var client = factory.CreatePlainClient();
        await client.SignUpAsync(); // one live session of its own
        var now = factory.Clock.GetUtcNow();

        await SeedSessionsAsync(now, "expired", 23, expiresAt: "$1 - interval '2 days'", revokedAt: "null");
        await SeedSessionsAsync(now, "revoked-long-ago", 6, expiresAt: "$1 + interval '1 day'", revokedAt: "$1 - interval '2 days'");
        await SeedSessionsAsync(now, "revoked-recently", 4, expiresAt: "$1 + interval '1 day'", revokedAt: "$1 - interval '1 hour'");
        await SeedSessionsAsync(now, "recently-expired", 2, expiresAt: "$1 - interval '1 hour'", revokedAt: "null");
        await SeedSessionsAsync(now, "live", 5, expiresAt: "$1 + interval '1 day'", revokedAt: "null");
        await ExecuteAsync("insert into sign_in_throttles (key_digest, tokens, updated_at) select decode(md5('stale' || g), 'hex'), 0, $1 - interval '2 hours' from generate_series(1, 9) g", now);
        await ExecuteAsync("insert into sign_in_throttles (key_digest, tokens, updated_at) select decode(md5('fresh' || g), 'hex'), 0, $1 - interval '1 minute' from generate_series(1, 2) g", now);
        await ExecuteAsync("insert into request_limit_windows (key_digest, window_start, hits) select decode(md5('old' || g), 'hex'), $1 - interval '2 days', 3 from generate_series(1, 10) g", now);
        await ExecuteAsync("insert into request_limit_windows (key_digest, window_start, hits) select decode(md5('current' || g), 'hex'), $1, 1 from generate_series(1, 3) g", now);

        var cleanup = factory.Services.GetRequiredService<DatabaseCleanup>();

        // Another instance holds the lock: this run deletes nothing.
        await using (var other = new NpgsqlConnection(database.ConnectionString))
        {
            await other.OpenAsync();
            await using var hold = new NpgsqlCommand($"select pg_advisory_lock({DatabaseCleanup.LockKey})", other);
            await hold.ExecuteNonQueryAsync();
            Assert.Null(await cleanup.RunOnceAsync(CancellationToken.None));
            Assert.Equal(41L, await database.ScalarAsync<long>("select count(*) from sessions"));
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({DatabaseCleanup.LockKey})", other); // a pooled connection would keep it
            await release.ExecuteNonQueryAsync();
        }

        var results = await cleanup.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(results);
        output.WriteLine(string.Join("; ", results.Select(r => $"{r.Table}: {r.Removed} removed in {r.Batches} batches")));
        var byTable = results.ToDictionary(r => r.Table);
        Assert.Equal((29L, 5), (byTable["sessions"].Removed, byTable["sessions"].Batches)); // 7 + 7 + 7 + 7 + 1
        Assert.Equal((9L, 2), (byTable["sign_in_throttles"].Removed, byTable["sign_in_throttles"].Batches));
        Assert.Equal((10L, 2), (byTable["request_limit_windows"].Removed, byTable["request_limit_windows"].Batches));

        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from sessions where id like 'expired-%' or id like 'revoked-long-ago-%'"));
        Assert.Equal(12L, await database.ScalarAsync<long>("select count(*) from sessions")); // 4 + 2 + 5 + the sign-up's
        Assert.Equal(2L, await database.ScalarAsync<long>("select count(*) from sign_in_throttles"));
        Assert.Equal(4L, await database.ScalarAsync<long>("select count(*) from request_limit_windows")); // 3 current + the sign-up's own

        // Nothing left to do: one empty batch per table.
        var again = await cleanup.RunOnceAsync(CancellationToken.None);
        Assert.All(again!, r => Assert.Equal((0L, 1), (r.Removed, r.Batches)));
    }

    [Fact]
    public async Task Used_and_expired_links_finished_mail_and_ended_second_factor_rows_go_live_ones_stay()
    {
        await using var factory = SecurityHost.Create(database, fakeClock: true);
        factory.Settings["Auth:Cleanup:Enabled"] = "false"; // the test runs the job itself
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        var now = factory.Clock.GetUtcNow();
        const string User = "(select id from users limit 1)";

        // verification_tickets: dead = expired or consumed more than a day ago.
        foreach (var (kind, expires, consumed) in new[]
                 {
                     ("expired-long-ago", "$1 - interval '2 days'", "null"), ("consumed-long-ago", "$1 + interval '1 hour'", "$1 - interval '2 days'"),
                     ("expired-recently", "$1 - interval '1 hour'", "null"), ("consumed-recently", "$1 + interval '1 hour'", "$1 - interval '1 hour'"),
                     ("live", "$1 + interval '1 hour'", "null"),
                 })
        {
            await ExecuteAsync($"insert into verification_tickets (id, user_id, purpose, email, token_digest, created_at, expires_at, consumed_at) " +
                $"values ('{kind}', {User}, 'reset-password', 'a@example.com', decode(md5('{kind}'), 'hex'), $1 - interval '3 days', {expires}, {consumed})", now);
        }

        // mail_jobs: dead = completed more than a week ago; pending ones always stay.
        foreach (var (kind, completed) in new[] { ("done-long-ago", "$1 - interval '8 days'"), ("done-recently", "$1 - interval '1 day'"), ("pending", "null") })
        {
            await ExecuteAsync($"insert into mail_jobs (kind, recipient, created_at, next_attempt_at, attempts, completed_at, outcome) " +
                $"values ('PasswordReset', '{kind}@example.com', $1 - interval '9 days', $1, 0, {completed}, {(completed == "null" ? "null" : "'Sent'")})", now);
        }

        // Second-factor and passkey rows: dead at their expiry.
        foreach (var (kind, expires) in new[] { ("ended", "$1 - interval '1 second'"), ("live", "$1 + interval '1 minute'") })
        {
            await ExecuteAsync($"insert into two_factor_challenges (id, user_id, token_digest, created_at, expires_at, attempts, remember_me) " +
                $"values ('{kind}', {User}, decode(md5('c{kind}'), 'hex'), $1 - interval '5 minutes', {expires}, 0, false)", now);
            await ExecuteAsync($"insert into webauthn_challenges (id, user_id, ceremony, options_json, token_digest, expires_at) " +
                $"values ('{kind}', {User}, 'register', '{{}}', decode(md5('w{kind}'), 'hex'), {expires})", now);
            await ExecuteAsync($"insert into trusted_devices (id, user_id, token_digest, trusted_at, expires_at) " +
                $"values ('{kind}', {User}, decode(md5('t{kind}'), 'hex'), $1 - interval '20 days', {expires})", now);
            await ExecuteAsync($"insert into oauth_states (id, state_digest, provider_id, code_verifier, nonce, callback_url, expires_at) " +
                $"values ('{kind}', decode(md5('o{kind}'), 'hex'), 'test', 'verifier', 'nonce', '/', {expires})", now);
        }

        var results = await factory.Services.GetRequiredService<DatabaseCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.NotNull(results);
        output.WriteLine(string.Join("; ", results.Select(r => $"{r.Table}: {r.Removed} removed")));
        var removed = results.ToDictionary(r => r.Table, r => r.Removed);
        Assert.Equal(2L, removed["verification_tickets"]);
        Assert.Equal(1L, removed["mail_jobs"]);
        Assert.Equal(1L, removed["two_factor_challenges"]);
        Assert.Equal(1L, removed["webauthn_challenges"]);
        Assert.Equal(1L, removed["trusted_devices"]);
        Assert.Equal(1L, removed["oauth_states"]);
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from verification_tickets where id like '%long-ago'"));
        Assert.Equal(3L, await database.ScalarAsync<long>("select count(*) from verification_tickets where id in ('expired-recently', 'consumed-recently', 'live')"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from mail_jobs where recipient = 'done-long-ago@example.com'"));
        Assert.Equal(2L, await database.ScalarAsync<long>("select count(*) from mail_jobs where recipient in ('done-recently@example.com', 'pending@example.com')"));
        foreach (var table in new[] { "two_factor_challenges", "webauthn_challenges", "trusted_devices", "oauth_states" })
        {
            Assert.Equal("live", await database.ScalarAsync<string>($"select string_agg(id, ',') from {table}"));
        }
    }

    private Task SeedSessionsAsync(DateTimeOffset now, string kind, int count, string expiresAt, string revokedAt) => ExecuteAsync($"""
        insert into sessions (id, user_id, token_digest, created_at, updated_at, expires_at, absolute_expires_at, revoked_at, remember_me)
        select '{kind}-' || g, (select id from users limit 1), decode(md5('{kind}' || g), 'hex'),
               $1 - interval '3 days', $1 - interval '3 days', {expiresAt}, $1 + interval '10 days', {revokedAt}, false
        from generate_series(1, {count}) g
        """, now);

    private async Task ExecuteAsync(string sql, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync();
    }
}
