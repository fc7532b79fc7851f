using AuthPlatform.Application.EmailPassword.ChangePassword;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Users.DeleteUser;
using AuthPlatform.Application.Operators.DisableUser;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Sessions.ListSessions;
using AuthPlatform.Application.EmailPassword.SignIn;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Testing;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>Disabling, deleting, listing and password changes through the real pipeline and database.</summary>
public sealed class AccountAccessTests(TestDatabase database) : IAsyncLifetime
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
        var result = await _host.SendAsync(new SignUpCommand("Ann", email, Password, null, true, ClientInfo.Unknown));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Session!;
    }

    private async Task<AuthenticatedSession> SignInAsync(string email = "ann@example.com")
    {
        var result = await _host.SendAsync(new SignInCommand(email, Password, true, ClientInfo.Unknown));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Session!;
    }

    private async Task<CurrentSession?> CurrentAsync(SessionToken token) =>
        (await _host.QueryAsync(new GetSessionQuery(token, true, "cookie"))).Value.Current;

    [Fact]
    public async Task Disabling_a_user_revokes_every_session_with_reason_user_disabled()
    {
        var first = await SignUpAsync();
        var second = await SignInAsync();
        var bob = await SignUpAsync("bob@example.com");

        var result = await _host.SendAsync(new DisableUserCommand("ANN@example.com"));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.SessionsRevoked);
        Assert.Null(await CurrentAsync(first.Token));
        Assert.Null(await CurrentAsync(second.Token));
        Assert.NotNull(await CurrentAsync(bob.Token));
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*) from sessions where revocation_reason = 'UserDisabled'"));
        Assert.Equal("INVALID_EMAIL_OR_PASSWORD", (await _host.SendAsync(new SignInCommand("ann@example.com", Password, true, ClientInfo.Unknown))).Error!.Code);
    }

    [Fact]
    public async Task Deleting_a_user_removes_the_user_credential_and_sessions()
    {
        var session = await SignUpAsync();

        var result = await _host.SendAsync(new DeleteUserCommand("ann@example.com"));

        Assert.True(result.IsSuccess);
        Assert.Null(await CurrentAsync(session.Token));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from password_credentials"));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from sessions"));
    }

    [Fact]
    public async Task An_unknown_user_is_user_not_found()
    {
        Assert.Equal("USER_NOT_FOUND", (await _host.SendAsync(new DisableUserCommand("nobody@example.com"))).Error!.Code);
        Assert.Equal("USER_NOT_FOUND", (await _host.SendAsync(new DeleteUserCommand("nobody@example.com"))).Error!.Code);
    }

    [Fact]
    public async Task List_sessions_returns_only_live_sessions_newest_first()
    {
        var first = await SignUpAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await SignInAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await SignInAsync();
        await _host.SendAsync(new AuthPlatform.Application.Sessions.SignOut.SignOutCommand(third.Token));

        var sessions = (await _host.QueryAsync(new ListSessionsQuery(first.User.Id))).Value;

        Assert.Equal([second.Session.Id, first.Session.Id], sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task A_password_change_rotates_the_session_and_revokes_the_others()
    {
        var first = await SignUpAsync();
        var other = await SignInAsync();
        var actor = (await CurrentAsync(first.Token))!;

        var result = await _host.SendAsync(new ChangePasswordCommand(actor, Password, "a brand new passphrase", true, ClientInfo.Unknown));

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Null(await CurrentAsync(first.Token));
        Assert.Null(await CurrentAsync(other.Token));
        Assert.NotNull(await CurrentAsync(result.Value.Token));
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*) from sessions where revocation_reason = 'PasswordChanged'"));
    }
}
