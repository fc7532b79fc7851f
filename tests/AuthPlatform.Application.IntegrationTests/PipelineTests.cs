using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.EmailPassword.SignIn;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>The pipeline behaviours really run around every message (a behaviour silently skipped would pass other tests).</summary>
public sealed class PipelineTests(TestDatabase database) : IAsyncLifetime
{
    private ApplicationHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Invalid_messages_are_stopped_by_validation_before_the_handler_writes_anything()
    {
        var result = await _host.SendAsync(new SignUpCommand("Ann", "not-an-email", "short", null, true, ClientInfo.Unknown));

        Assert.False(result.IsSuccess);
        Assert.Equal(["email", "password"], result.Error!.FieldErrors!.Keys.Order());
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task Every_message_is_logged_with_name_outcome_and_duration_but_no_secret()
    {
        const string password = "log-me-never-123";
        await _host.SendAsync(new SignUpCommand("Ann", "ann@example.com", password, null, true, ClientInfo.Unknown));
        await _host.SendAsync(new SignInCommand("ann@example.com", "wrong-password-1", true, ClientInfo.Unknown));

        var handled = _host.Logs.Entries.Where(e => e.State.ContainsKey("MessageName")).ToList();
        Assert.Contains(handled, e => Equals(e.State["MessageName"], "SignUpCommand") && Equals(e.State["Outcome"], "success") && e.State.ContainsKey("ElapsedMs"));
        Assert.Contains(handled, e => Equals(e.State["MessageName"], "SignInCommand") && Equals(e.State["Outcome"], "INVALID_EMAIL_OR_PASSWORD"));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal) || e.Message.Contains("wrong-password-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hash_with_old_parameters_is_upgraded_at_sign_in()
    {
        await _host.SendAsync(new SignUpCommand("Ann", "ann@example.com", "rehash-me-please", null, true, ClientInfo.Unknown));
        await using (var weak = new ApplicationHost(database.ConnectionString, services => services.Configure<Infrastructure.Passwords.PasswordHashingOptions>(o => { o.MemoryKiB = 7168; o.Iterations = 5; })))
        {
            var hasher = (IPasswordHasher)weak.Services.GetService(typeof(IPasswordHasher))!;
            var oldHash = await hasher.HashAsync("rehash-me-please", CancellationToken.None);
            await database.ScalarAsync<int>("update password_credentials set password_hash = $1 returning 1", oldHash);
        }

        Assert.Contains("m=7168,t=5", await database.ScalarAsync<string>("select password_hash from password_credentials"), StringComparison.Ordinal);

        var signIn = await _host.SendAsync(new SignInCommand("ann@example.com", "rehash-me-please", true, ClientInfo.Unknown));

        Assert.True(signIn.IsSuccess);
        Assert.Contains("m=19456,t=2,p=1", await database.ScalarAsync<string>("select password_hash from password_credentials"), StringComparison.Ordinal);
        _ = LogLevel.None;
    }
}
