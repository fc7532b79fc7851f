using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>reset-two-factor through the real binary: the second factor is gone and the log says who and when.</summary>
public sealed class ResetTwoFactorCommandTests(TestDatabase database) : IAsyncLifetime
{
    private const string Password = "operator chosen passphrase";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reset_two_factor_removes_the_factor_and_logs_the_operator()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var signUp = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Rae", email = "rae@example.com", password = Password });
        var cookie = signUp.Headers.GetValues("Set-Cookie").First(c => c.Split('=')[0].EndsWith("session_token", StringComparison.Ordinal)).Split(';')[0];
        await database.MarkEmailVerifiedAsync("rae@example.com");
        var enable = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/two-factor/enable")
        {
            Content = JsonContent.Create(new { password = Password }),
            Headers = { { "Cookie", cookie }, { "Origin", TestSettings.BaseUrl } },
        });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from two_factor_enrolments"));

        var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "reset-two-factor", "--email", "rae@example.com", "--operator", "Bob (ticket 42)");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("removed by Bob (ticket 42)", result.Output, StringComparison.Ordinal);
        Assert.Contains("reset by operator", result.All, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from two_factor_enrolments"));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from two_factor_backup_codes"));
    }
}
