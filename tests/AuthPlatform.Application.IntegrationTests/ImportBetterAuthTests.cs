using AuthPlatform.Application.Operators.CreateUser;
using AuthPlatform.Application.Operators.ImportBetterAuth;
using AuthPlatform.Application.Operators.RevokeUserSessions;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The import's batch importers on a real database, with rows BetterAuth itself would not produce: each
/// unusable row is skipped with its reason and the rest of the batch goes in.
/// </summary>
public sealed class ImportBetterAuthTests(TestDatabase database) : IAsyncLifetime
{
    // A real BetterAuth hash (of "correct horse battery"), see Infrastructure.Tests/BetterAuthScryptHashFormatTests.
    private const string ScryptHash =
        "0123456789abcdef0123456789abcdef:b87ad68e260d745e9edfac97cc70f72a8fbb1771cf033e8d2b3c360d3788e3548d977bae5090f5d6cd75f5190a6fbe6b0b5737d5420119bd1e44ccdc779acfe5";

    private ApplicationHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    [Fact]
    public async Task Unusable_users_are_skipped_with_their_reason_and_the_rest_of_the_batch_is_imported()
    {
        var result = await ImportUsersAsync(
            User("u1", "ok@example.com"),
            User("u2", "not an email"),
            User("u3", "blank@example.com") with { Name = "  " },
            User("u4", "image@example.com") with { Image = "https://example.com/" + new string('a', 2100) },
            User(new string('x', 65), "longid@example.com"),
            User("u6", "bcrypt@example.com") with { Credential = Credential("c6", "$2a$10$abcdefghijklmnopqrstuuKmK0v1f4cGg6f2RjX2GQ0d3s0YH8Zi") },
            User("u7", "oauth@example.com") with { Credential = null });

        Assert.Equal(3, result.Users.Created);
        Assert.Equal(1, result.Users.Skipped[ImportSkipReasons.InvalidEmail]);
        Assert.Equal(1, result.Users.Skipped[ImportSkipReasons.InvalidName]);
        Assert.Equal(1, result.Users.Skipped[ImportSkipReasons.InvalidImage]);
        Assert.Equal(1, result.Users.Skipped[ImportSkipReasons.InvalidId]);
        Assert.Equal(1, result.Credentials.Created);
        Assert.Equal(1, result.Credentials.Skipped[ImportSkipReasons.UnsupportedHash]);
        Assert.Equal(1, result.Credentials.Skipped[ImportSkipReasons.NoPassword]);
        Assert.Equal(4, result.Credentials.Skipped[ImportSkipReasons.UserNotImported]);
        Assert.Equal(["u1", "u6", "u7"], result.CreatedUserIds);
        Assert.Equal(3, await database.ScalarAsync<int>("select count(*) from users"));
        Assert.Equal(ScryptHash, await database.ScalarAsync<string>("select password_hash from password_credentials where user_id = 'u1'"));
    }

    [Fact]
    public async Task A_profile_changed_in_betterauth_later_is_updated_and_one_changed_here_later_is_kept()
    {
        var original = User("u1", "ann@example.com");
        await ImportUsersAsync(original);

        var newer = await ImportUsersAsync(original with { Name = "Ann B.", EmailVerified = true, UpdatedAt = original.UpdatedAt.AddHours(1) });
        var older = await ImportUsersAsync(original with { Name = "Ann Old", UpdatedAt = original.UpdatedAt.AddMinutes(-5) });

        Assert.Equal(1, newer.Users.Updated);
        Assert.Equal(1, older.Users.Skipped[ImportSkipReasons.ChangedHere]);
        Assert.Equal("Ann B.", await database.ScalarAsync<string>("select name from users where id = 'u1' and email_verified"));
    }

    [Fact]
    public async Task A_dry_run_counts_but_saves_nothing()
    {
        var result = await ImportUsersAsync(dryRun: true, User("u1", "ann@example.com"));

        Assert.Equal(1, result.Users.Created);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task Unusable_sessions_are_skipped_with_their_reason()
    {
        await ImportUsersAsync(User("u1", "ann@example.com"));

        var tally = await ImportSessionsAsync(
            Session("s1", "u1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"),
            Session("s2", "nobody", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA2"),
            Session("s3", "u1", "short"),
            Session("s4", "u1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA4") with { CreatedAt = Now.AddDays(-31) },
            Session("s5", "u1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"));

        Assert.Equal(1, tally.Created);
        Assert.Equal(1, tally.Skipped[ImportSkipReasons.UserNotImported]);
        Assert.Equal(1, tally.Skipped[ImportSkipReasons.InvalidToken]);
        Assert.Equal(1, tally.Skipped[ImportSkipReasons.PastAbsoluteLifetime]);
        Assert.Equal(1, tally.Skipped[ImportSkipReasons.TokenConflict]);
    }

    [Fact]
    public async Task A_session_betterauth_extended_after_the_import_is_extended_here_unless_it_was_revoked_here()
    {
        await ImportUsersAsync(User("u1", "ann@example.com"));
        var session = Session("s1", "u1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1");
        await ImportSessionsAsync(session);

        var extended = session with { ExpiresAt = session.ExpiresAt.AddDays(2), UpdatedAt = session.UpdatedAt.AddDays(2) };
        var first = await ImportSessionsAsync(extended);
        var again = await ImportSessionsAsync(extended);

        Assert.Equal(1, first.Updated);
        Assert.Equal(1, again.Skipped[ImportSkipReasons.UpToDate]);
        Assert.Equal(extended.ExpiresAt.UtcDateTime, await database.ScalarAsync<DateTime>("select expires_at from sessions where id = 's1'"));

        Assert.True((await _host.SendAsync(new RevokeUserSessionsCommand("ann@example.com"))).IsSuccess);
        var afterRevocation = await ImportSessionsAsync(extended with { ExpiresAt = extended.ExpiresAt.AddDays(1), UpdatedAt = extended.UpdatedAt.AddDays(1) });
        Assert.Equal(1, afterRevocation.Skipped[ImportSkipReasons.ChangedHere]);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from sessions where revocation_reason = 'RevokedByOperator'"));
    }

    [Fact]
    public async Task Create_user_and_revoke_user_sessions_refuse_bad_input_with_codes()
    {
        var weak = await _host.SendAsync(new CreateUserCommand("Ann", "ann@example.com", "short"));
        var unknown = await _host.SendAsync(new RevokeUserSessionsCommand("nobody@example.com"));
        var malformed = await _host.SendAsync(new RevokeUserSessionsCommand("nobody"));

        Assert.Equal("PASSWORD_TOO_SHORT", weak.Error?.Code);
        Assert.Equal("USER_NOT_FOUND", unknown.Error?.Code);
        Assert.Equal("INVALID_EMAIL", malformed.Error?.Code);
    }

    private Task<ImportBetterAuthUsersResult> ImportUsersAsync(params BetterAuthUser[] users) => ImportUsersAsync(dryRun: false, users);

    /// <summary>One batch in a scope of its own, as the import run gives it.</summary>
    private async Task<ImportBetterAuthUsersResult> ImportUsersAsync(bool dryRun, params BetterAuthUser[] users)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserBatchImporter>().ImportAsync(users, dryRun, CancellationToken.None);
    }

    private async Task<ImportTally> ImportSessionsAsync(params BetterAuthSession[] sessions)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionBatchImporter>().ImportAsync(sessions, new HashSet<string>(), dryRun: false, CancellationToken.None);
    }

    private BetterAuthUser User(string id, string email) =>
        new(id, "Ann", email, false, null, Now.AddDays(-3), Now.AddDays(-2), Credential("c-" + id, ScryptHash));

    private BetterAuthCredential Credential(string id, string hash) => new(id, hash, Now.AddDays(-3), Now.AddDays(-2));

    private BetterAuthSession Session(string id, string userId, string token) =>
        new(id, userId, token, Now.AddDays(5), Now.AddDays(-2), Now.AddDays(-2), "203.0.113.9", "tests");
}
