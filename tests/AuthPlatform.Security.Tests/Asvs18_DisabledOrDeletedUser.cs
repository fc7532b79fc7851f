using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 7.4.2: disabling or deleting a user ends all of their sessions at once. Driven through the
/// operator commands of the real binary (`disable-user --email`, `delete-user --email`).
/// </summary>
[Trait("Tier", "full")]
public sealed class Asvs18_DisabledOrDeletedUser(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(int ExitCode, string Output)> RunOperatorCommandAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = "http://localhost",
            ["DATABASE_URL"] = database.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        await using var process = ServiceProcess.Start(environment, arguments);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, process.StandardOutput + process.StandardError);
    }

    [Theory]
    [InlineData("disable-user")]
    [InlineData("delete-user")]
    public async Task Every_session_of_the_user_ends_at_once(string command)
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var first = await client.SignUpAsync();
        var second = await client.SignInAsync();
        var bystander = await client.SignUpAsync("bob@example.com");

        var (exit, output) = await RunOperatorCommandAsync(command, "--email", "Ann@Example.com");

        Assert.True(exit == 0, output);
        Assert.Contains("2 session(s) revoked", output, StringComparison.Ordinal);
        await (await client.ListSessionsAsync(first.Cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await client.SendAsync(AuthApi.WithBearer(HttpMethod.Get, "list-sessions", second.Token))).AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await client.PostSignInAsync("ann@example.com", AuthApi.Password)).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
        Assert.Equal(HttpStatusCode.OK, (await client.ListSessionsAsync(bystander.Cookie)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_is_a_clear_failure()
    {
        var (exit, output) = await RunOperatorCommandAsync("disable-user", "--email", "nobody@example.com");

        Assert.Equal(1, exit);
        Assert.Contains("USER_NOT_FOUND", output, StringComparison.Ordinal);
    }
}
