using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>create-user and revoke-user-sessions through the real binary, checked over HTTP.</summary>
public sealed class UserCommandTests(TestDatabase database) : IAsyncLifetime
{
    private const string Password = "operator chosen passphrase";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Create_user_reads_the_password_from_stdin_and_the_user_can_sign_in()
    {
        // The real binary with the password piped to it, as an operator runs it.
        var result = await OperatorCli.RunProcessWithInputAsync(Good(), Password + "\n", "create-user", "--email", "Nia@Example.com", "--name", "Nia", "--password-stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^Created user [A-Za-z0-9]{32} \(nia@example\.com\)\.", result.Output);
        Assert.DoesNotContain(Password, result.All, StringComparison.Ordinal);
        Assert.StartsWith("$argon2id$", await database.ScalarAsync<string>("select password_hash from password_credentials"), StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from sessions"));

        await using var factory = new AuthApiFactory(database.ConnectionString);
        var signIn = await factory.CreatePlainClient().PostAsJsonAsync("/api/auth/sign-in/email", new { email = "nia@example.com", password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Create_user_accepts_the_password_as_an_option_too()
    {
        var result = await OperatorCli.RunAsync(Good(), "create-user", "--email", "omar@example.com", "--name", "Omar", "--password", Password);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users where email = 'omar@example.com' and name = 'Omar'"));
    }

    [Theory]
    [InlineData("short", "pia@example.com", "PASSWORD_TOO_SHORT")]
    [InlineData(Password, "not-an-email", "INVALID_EMAIL")]
    public async Task Create_user_applies_the_sign_up_rules(string password, string email, string code)
    {
        var result = await OperatorCli.RunWithInputAsync(Good(), password + "\n", "create-user", "--email", email, "--name", "Pia", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(code, result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task Create_user_refuses_an_email_that_is_taken()
    {
        Assert.Equal(0, (await OperatorCli.RunWithInputAsync(Good(), Password + "\n", "create-user", "--email", "quin@example.com", "--name", "Quin", "--password-stdin")).ExitCode);

        var second = await OperatorCli.RunWithInputAsync(Good(), "another passphrase\n", "create-user", "--email", "QUIN@example.com", "--name", "Quin 2", "--password-stdin");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("USER_ALREADY_EXISTS", second.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_user_needs_exactly_one_way_to_get_the_password(bool both)
    {
        string[] arguments = both
            ? ["create-user", "--email", "ria@example.com", "--name", "Ria", "--password", Password, "--password-stdin"]
            : ["create-user", "--email", "ria@example.com", "--name", "Ria"];

        var result = await OperatorCli.RunAsync(Good(), arguments);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("exactly one of --password-stdin", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_user_with_an_invalid_configuration_lists_the_problem_and_exits_2()
    {
        var environment = Good();
        environment.Remove("AUTH_SECRET");

        var result = await OperatorCli.RunWithInputAsync(environment, Password + "\n", "create-user", "--email", "sam@example.com", "--name", "Sam", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AUTH_SECRET is missing", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_user_without_a_database_says_so_and_exits_3()
    {
        var environment = Good();
        environment["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{PostgresCluster.FreePort()}/nowhere";

        var result = await OperatorCli.RunWithInputAsync(environment, Password + "\n", "create-user", "--email", "tao@example.com", "--name", "Tao", "--password-stdin");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("The database did not answer", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_user_sessions_ends_every_live_session_of_that_user_only()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var first = await SignUpAsync(client, "uma@example.com");
        var second = await SignInAsync(client, "uma@example.com");
        var bystander = await SignUpAsync(client, "vic@example.com");

        var result = await OperatorCli.RunAsync(Good(), "revoke-user-sessions", "--email", "UMA@example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Revoked 2 live session(s)", result.Output, StringComparison.Ordinal);
        Assert.Equal("null", await GetSessionAsync(client, first));
        Assert.Equal("null", await GetSessionAsync(client, second));
        Assert.Contains("vic@example.com", await GetSessionAsync(client, bystander), StringComparison.Ordinal);
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*) from sessions where revocation_reason = 'RevokedByOperator'"));

        var again = await OperatorCli.RunAsync(Good(), "revoke-user-sessions", "--email", "uma@example.com");
        Assert.Contains("Revoked 0 live session(s)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_user_sessions_of_an_unknown_email_fails_with_user_not_found()
    {
        var result = await OperatorCli.RunAsync(Good(), "revoke-user-sessions", "--email", "nobody@example.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("USER_NOT_FOUND", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_role_makes_the_first_administrator_who_may_then_use_the_admin_api()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var cookie = await SignUpAsync(client, "wyn@example.com");
        var listUsers = new HttpRequestMessage(HttpMethod.Get, "/api/auth/admin/list-users") { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(listUsers)).StatusCode);

        var result = await OperatorCli.RunAsync(Good(), "set-role", "--email", "WYN@example.com", "--role", "admin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("now has the role(s) admin", result.Output, StringComparison.Ordinal);
        Assert.Equal("admin", await database.ScalarAsync<string>("select role from users where email = 'wyn@example.com'"));
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/auth/admin/list-users") { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(again)).StatusCode);

        var unknown = await OperatorCli.RunAsync(Good(), "set-role", "--email", "nobody@example.com", "--role", "admin");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("USER_NOT_FOUND", unknown.Errors, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Good() => OperatorCli.GoodEnvironment(database.ConnectionString);

    private static async Task<string> SignUpAsync(HttpClient client, string email) =>
        await CookieOfAsync(await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "User", email, password = Password }));

    private static async Task<string> SignInAsync(HttpClient client, string email) =>
        await CookieOfAsync(await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email, password = Password }));

    private static async Task<string> CookieOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("Set-Cookie").First(c => c.Contains("session_token=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<string> GetSessionAsync(HttpClient client, string cookie)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Cookie", cookie } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) is null ? "null" : body;
    }
}
