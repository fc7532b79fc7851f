using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// import-better-auth takes the source's password from the environment or standard input, never from the
/// command line, and refuses password hashes whose cost parameters would make a sign-in a denial of
/// service, naming the users concerned.
/// </summary>
public sealed class ImportBetterAuthSafetyTests(TestDatabase database, BetterAuthSource source) : IAsyncLifetime, IClassFixture<BetterAuthSource>
{
    private const string PasswordVariable = "BETTER_AUTH_DATABASE_PASSWORD";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_password_in_the_source_url_or_connection_string_is_refused_saying_how_to_pass_it()
    {
        var builder = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Password = "hunter2-in-argv" };
        var inUrl = BetterAuthScenario.UrlOf(builder);
        var inKeywords = builder.ConnectionString;

        foreach (var from in new[] { inUrl, inKeywords })
        {
            var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "import-better-auth", "--from", from);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("--from must not contain the password", result.Errors, StringComparison.Ordinal);
            Assert.Contains(PasswordVariable, result.Errors, StringComparison.Ordinal);
            Assert.Contains("--password-stdin", result.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-in-argv", result.All, StringComparison.Ordinal);
        }

        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from users"));
    }

    [Fact]
    public async Task The_password_comes_from_the_environment_or_standard_input()
    {
        var environment = OperatorCli.GoodEnvironment(database.ConnectionString);
        environment[PasswordVariable] = "from-the-environment";
        var fromEnvironment = await OperatorCli.RunAsync(environment, "import-better-auth", "--from", source.Url, "--dry-run");
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.ToString());

        var fromStdin = await OperatorCli.RunWithInputAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "from-stdin\n", "import-better-auth", "--from", source.Url, "--password-stdin", "--dry-run");
        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.DoesNotContain("from-the-environment", fromEnvironment.All, StringComparison.Ordinal);
        Assert.DoesNotContain("from-stdin", fromStdin.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashes_with_absurd_or_above_maximum_cost_parameters_are_refused_and_their_users_named()
    {
        var (connectionString, results) = await BetterAuthScenario.CreateAsync(
            database.AdminConnectionString,
            new { op = "sign-up", name = "Huge", email = "huge@example.com", password = "huge memory password" },
            new { op = "sign-up", name = "Above", email = "above@example.com", password = "above the maximum" },
            new { op = "sign-up", name = "Scry", email = "scry@example.com", password = "absurd scrypt cost" },
            new { op = "sign-up", name = "Fine", email = "fine@example.com", password = "an ordinary password" });
        var ids = results.Select(r => r!["userId"]!.GetValue<string>()).ToArray();
        const string salt = "c2FsdHNhbHRzYWx0c2FsdA";
        const string hash = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        await SetHashAsync(connectionString, ids[0], $"$argon2id$v=19$m=4194304,t=3,p=1${salt}${hash}");
        await SetHashAsync(connectionString, ids[1], $"$argon2id$v=19$m=131072,t=2,p=1${salt}${hash}");
        await SetHashAsync(connectionString, ids[2], $"$scrypt$ln=30,r=8,p=1${salt}${hash}");
        var environment = OperatorCli.GoodEnvironment(database.ConnectionString);
        environment["Auth__PasswordHashing__MaxMemoryKiB"] = "65536"; // 128 MiB is above this configured maximum

        var text = await OperatorCli.RunAsync(environment, "import-better-auth", "--from", BetterAuthScenario.UrlOf(new NpgsqlConnectionStringBuilder(connectionString)), "--dry-run");
        var json = await OperatorCli.RunAsync(environment, "import-better-auth", "--from", BetterAuthScenario.UrlOf(new NpgsqlConnectionStringBuilder(connectionString)), "--json");

        Assert.True(json.ExitCode == 0, json.ToString());
        var report = JsonNode.Parse(json.Output)!.AsObject();
        Assert.Equal(1, report["passwords"]!["created"]!.GetValue<int>());
        Assert.Equal(3, report["passwords"]!["skipped"]!["password hash cost parameters out of bounds"]!.GetValue<int>());
        var refused = report["refusedPasswords"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<string>(), r => r!["reason"]!.GetValue<string>());
        Assert.Equal(ids[..3].Order(), refused.Keys.Order());
        Assert.Contains("m=4194304", refused[ids[0]], StringComparison.Ordinal);
        Assert.Contains("Auth:PasswordHashing:MaxMemoryKiB", refused[ids[1]], StringComparison.Ordinal);
        Assert.Contains("N=2^30", refused[ids[2]], StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from password_credentials"));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from password_credentials where user_id = $1", ids[3]));

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"password of user {ids[0]} not copied: Argon2id m=4194304 KiB", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, text.All + json.All, StringComparison.Ordinal);
    }

    private static async Task SetHashAsync(string connectionString, string userId, string storedHash)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""update "account" set "password" = $1 where "userId" = $2 and "providerId" = 'credential'""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = storedHash });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
