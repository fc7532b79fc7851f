using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>mark-email-verified and send-password-reset through the real binary.</summary>
public sealed class MailCommandTests(TestDatabase database) : IAsyncLifetime
{
    private const string Password = "operator chosen passphrase";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Mark_email_verified_marks_the_user_and_names_an_unknown_one()
    {
        Assert.Equal(0, (await OperatorCli.RunWithInputAsync(Good(), Password + "\n", "create-user", "--email", "vera@example.com", "--name", "Vera", "--password-stdin")).ExitCode);

        var marked = await OperatorCli.RunAsync(Good(), "mark-email-verified", "--email", "Vera@Example.com");
        var unknown = await OperatorCli.RunAsync(Good(), "mark-email-verified", "--email", "nobody@example.com");

        Assert.True(marked.ExitCode == 0, marked.ToString());
        Assert.Contains("verified", marked.Output, StringComparison.Ordinal);
        Assert.True(await database.ScalarAsync<bool>("select email_verified from users where email = 'vera@example.com'"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("USER_NOT_FOUND", unknown.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_password_reset_queues_a_job_for_the_running_service_and_needs_mail()
    {
        Assert.Equal(0, (await OperatorCli.RunWithInputAsync(Good(), Password + "\n", "create-user", "--email", "remy@example.com", "--name", "Remy", "--password-stdin")).ExitCode);
        var withMail = new Dictionary<string, string?>(Good())
        {
            ["AUTH_SMTP_HOST"] = "127.0.0.1",
            ["AUTH_SMTP_PORT"] = "2525",
            ["AUTH_SMTP_TLS"] = "None",
            ["AUTH_SMTP_FROM"] = "no-reply@example.com",
        };

        var queued = await OperatorCli.RunAsync(withMail, "send-password-reset", "--email", "remy@example.com", "--redirect-to", "/reset");
        var unknown = await OperatorCli.RunAsync(withMail, "send-password-reset", "--email", "nobody@example.com");
        var mailOff = await OperatorCli.RunAsync(Good(), "send-password-reset", "--email", "remy@example.com");

        Assert.True(queued.ExitCode == 0, queued.ToString());
        Assert.Contains("Queued a reset link", queued.Output, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from mail_jobs where recipient = 'remy@example.com' and kind = 'PasswordReset' and callback_url = '/reset'"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("USER_NOT_FOUND", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(1, mailOff.ExitCode);
        Assert.Contains("RESET_PASSWORD_DISABLED", mailOff.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_smtp_settings_are_all_listed_at_start_up()
    {
        var bad = new Dictionary<string, string?>(Good()) { ["AUTH_SMTP_HOST"] = "smtp.example.com", ["AUTH_SMTP_PORT"] = "0", ["AUTH_SMTP_TLS"] = "None" };

        var result = await OperatorCli.RunAsync(bad, "mark-email-verified", "--email", "x@example.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Auth:Smtp:Port", result.All, StringComparison.Ordinal);
        Assert.Contains("Auth:Smtp:From", result.All, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Good() => OperatorCli.GoodEnvironment(database.ConnectionString);
}
