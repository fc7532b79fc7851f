using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.EmailPassword.SignIn;
using AuthPlatform.Application.Sessions.SignOut;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Testing;

[assembly: AssemblyFixture(typeof(TestDatabase))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>Sign-up, sign-in, session checks and sign-out through the real pipeline and database.</summary>
public sealed class SessionLifecycleTests(TestDatabase database) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ApplicationHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<AuthenticatedSession> SignUpAsync(string email = "ann@example.com")
    {
        var result = await _host.SendAsync(new SignUpCommand("Ann", email, Password, null, true, new ClientInfo("203.0.113.7", "tests")));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Session!;
    }

    private async Task<SessionLookup> LookupAsync(SessionToken token, bool disableRefresh = false)
    {
        var result = await _host.QueryAsync(new GetSessionQuery(token, disableRefresh, "cookie"));
        Assert.True(result.IsSuccess);
        return result.Value;
    }

    [Fact]
    public async Task Sign_up_stores_user_credential_and_session_but_never_the_token()
    {
        var session = await SignUpAsync();

        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users where email = 'ann@example.com'"));
        Assert.StartsWith("$argon2id$", await database.ScalarAsync<string>("select password_hash from password_credentials"), StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from sessions where token_digest = $1", session.Token.ComputeDigest()));
        Assert.Equal(0, await database.ScalarAsync<int>(
            "select count(*) from sessions s where encode(s.token_digest, 'escape') like '%' || $1 || '%' or s.id = $1", session.Token.Value));
    }

    [Fact]
    public async Task A_taken_email_is_refused_with_user_already_exists()
    {
        await SignUpAsync();

        var second = await _host.SendAsync(new SignUpCommand("Other", "ANN@example.com", Password, null, true, ClientInfo.Unknown));

        Assert.Equal("USER_ALREADY_EXISTS", second.Error?.Code);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task Concurrent_sign_ups_for_one_email_create_exactly_one_user()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _host.SendAsync(new SignUpCommand("Ann", "race@example.com", Password, null, true, ClientInfo.Unknown))));

        Assert.Single(attempts, a => a.IsSuccess);
        Assert.All(attempts.Where(a => !a.IsSuccess), a => Assert.Equal("USER_ALREADY_EXISTS", a.Error!.Code));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users where email = 'race@example.com'"));
    }

    [Fact]
    public async Task Sign_in_issues_a_new_token_each_time()
    {
        var signUp = await SignUpAsync();

        var first = await _host.SendAsync(new SignInCommand("ann@example.com", Password, true, ClientInfo.Unknown));
        var second = await _host.SendAsync(new SignInCommand("Ann@Example.com", Password, true, ClientInfo.Unknown));

        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.NotEqual(signUp.Token, first.Value.Session!.Token);
        Assert.NotEqual(first.Value.Session!.Token, second.Value.Session!.Token);
        Assert.Equal(3, await database.ScalarAsync<int>("select count(*) from sessions"));
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_error()
    {
        await SignUpAsync();

        var wrongPassword = await _host.SendAsync(new SignInCommand("ann@example.com", "wrong password!", true, ClientInfo.Unknown));
        var unknownEmail = await _host.SendAsync(new SignInCommand("nobody@example.com", Password, true, ClientInfo.Unknown));

        Assert.Equal(wrongPassword.Error, unknownEmail.Error);
        Assert.Equal("INVALID_EMAIL_OR_PASSWORD", unknownEmail.Error!.Code);
    }

    [Fact]
    public async Task A_live_session_is_found_and_a_signed_out_one_is_revoked()
    {
        var session = await SignUpAsync();

        var live = await LookupAsync(session.Token);
        Assert.Equal(session.User.Id, live.Current?.User.Id);

        var signOut = await _host.SendAsync(new SignOutCommand(session.Token));
        Assert.True(signOut.Value.SessionRevoked);
        Assert.Equal("SignedOut", await database.ScalarAsync<string>("select revocation_reason from sessions"));

        var after = await LookupAsync(session.Token);
        Assert.Null(after.Current);
        Assert.Equal(CredentialRejection.Revoked, after.Rejection);
    }

    [Fact]
    public async Task An_unknown_token_is_rejected_as_unknown()
    {
        var lookup = await LookupAsync(SessionToken.Generate());

        Assert.Equal(CredentialRejection.UnknownToken, lookup.Rejection);
    }

    [Fact]
    public async Task Sliding_refresh_writes_the_row_at_most_once_per_update_age()
    {
        var session = await SignUpAsync();
        async Task<DateTime> UpdatedAt() => await database.ScalarAsync<DateTime>("select updated_at from sessions");
        var created = await UpdatedAt();

        _host.Clock.Advance(TimeSpan.FromHours(12));
        Assert.False((await LookupAsync(session.Token)).Refreshed);
        Assert.Equal(created, await UpdatedAt());

        _host.Clock.Advance(TimeSpan.FromHours(12));
        Assert.True((await LookupAsync(session.Token)).Refreshed);
        var refreshed = await UpdatedAt();
        Assert.True(refreshed > created);

        for (var i = 0; i < 10; i++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(30));
            Assert.False((await LookupAsync(session.Token)).Refreshed);
        }

        Assert.Equal(refreshed, await UpdatedAt());
    }

    [Fact]
    public async Task Disable_refresh_reads_without_writing()
    {
        var session = await SignUpAsync();
        _host.Clock.Advance(TimeSpan.FromDays(2));

        var lookup = await LookupAsync(session.Token, disableRefresh: true);

        Assert.NotNull(lookup.Current);
        Assert.False(lookup.Refreshed);
    }

    [Fact]
    public async Task An_unused_session_expires_and_a_used_one_stops_at_the_absolute_lifetime()
    {
        var idle = await SignUpAsync("idle@example.com");
        var busy = await SignUpAsync("busy@example.com");

        for (var day = 1; day <= 29; day++)
        {
            _host.Clock.Advance(TimeSpan.FromDays(1));
            Assert.NotNull((await LookupAsync(busy.Token)).Current);
        }

        Assert.Equal(CredentialRejection.Expired, (await LookupAsync(idle.Token)).Rejection);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CredentialRejection.LifetimeExceeded, (await LookupAsync(busy.Token)).Rejection);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_or_use_a_session()
    {
        var session = await SignUpAsync();
        await database.ScalarAsync<int>("update users set disabled_at = now() returning 1");

        Assert.Equal(CredentialRejection.UserDisabled, (await LookupAsync(session.Token)).Rejection);
        Assert.Equal("INVALID_EMAIL_OR_PASSWORD", (await _host.SendAsync(new SignInCommand("ann@example.com", Password, true, ClientInfo.Unknown))).Error?.Code);
    }

    [Fact]
    public async Task Rejections_are_logged_with_their_reason_code()
    {
        var session = await SignUpAsync();
        await _host.SendAsync(new SignOutCommand(session.Token));

        await LookupAsync(session.Token);

        Assert.Contains(_host.Logs.Entries, e => Equals(e.State.GetValueOrDefault("RejectionReason"), "revoked"));
    }
}
