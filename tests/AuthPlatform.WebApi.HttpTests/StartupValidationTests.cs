using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>The real binary refuses to start on a bad configuration, naming every problem at once.</summary>
[Trait("Tier", "full")]
public sealed class StartupValidationTests(TestDatabase database)
{
    private Dictionary<string, string?> GoodEnvironment() => new()
    {
        ["AUTH_SECRET"] = TestSettings.Secret,
        ["AUTH_BASE_URL"] = "http://localhost:5999",
        ["DATABASE_URL"] = database.ConnectionString,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    private static async Task<(int ExitCode, string Errors)> RunAsync(Dictionary<string, string?> environment)
    {
        await using var process = ServiceProcess.Start(environment, "--urls", "http://127.0.0.1:0");
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.StandardError);
    }

    [Theory]
    [InlineData("AUTH_SECRET", null, "AUTH_SECRET is missing")]
    [InlineData("AUTH_SECRET", "0123456789", "AUTH_SECRET is too short: it has 10 characters")]
    [InlineData("DATABASE_URL", "postgres//nonsense", "DATABASE_URL")]
    [InlineData("AUTH_COOKIE_SAMESITE", "None", "SameSite=None must be Secure")]
    public async Task A_single_problem_stops_the_process_and_is_named(string variable, string? value, string expected)
    {
        var environment = GoodEnvironment();
        environment[variable] = value;

        var (exit, errors) = await RunAsync(environment);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_listed_in_one_message()
    {
        var environment = GoodEnvironment();
        environment["AUTH_SECRET"] = "0123456789";
        environment["DATABASE_URL"] = "postgres//nonsense";
        environment["AUTH_COOKIE_SAMESITE"] = "None";
        environment["AUTH_COOKIE_PARTITIONED"] = "true";
        environment["AUTH_TRUSTED_ORIGINS"] = "not-an-origin";

        var (exit, errors) = await RunAsync(environment);

        Assert.Equal(2, exit);
        Assert.Contains("the configuration has 5 problems", errors, StringComparison.Ordinal);
        Assert.Contains("AUTH_SECRET is too short", errors, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL", errors, StringComparison.Ordinal);
        Assert.Contains("SameSite=None must be Secure", errors, StringComparison.Ordinal);
        Assert.Contains("Partitioned cookies must be Secure", errors, StringComparison.Ordinal);
        Assert.Contains("'not-an-origin' is not an origin", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Secret, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_console_may_not_share_its_path_with_the_api()
    {
        var environment = GoodEnvironment();
        environment["AUTH_CONSOLE_ENABLED"] = "true";
        environment["Auth__BasePath"] = "/console/api";

        var (exit, errors) = await RunAsync(environment);

        Assert.True(exit == 2, $"exit {exit}: {errors}");
        Assert.Contains("Auth:Console:Enabled is true, but the console's path /console and Auth:BasePath (/console/api) overlap", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_process_after_bounded_retries()
    {
        var environment = GoodEnvironment();
        environment["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{PostgresCluster.FreePort()}/nowhere";
        environment["Database__StartupAttempts"] = "2";

        var (exit, errors) = await RunAsync(environment);

        Assert.Equal(3, exit);
        Assert.Contains("the database did not answer after 2 attempts", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_configuration_starts_and_logs_what_it_loaded_without_secrets()
    {
        var environment = GoodEnvironment();
        var port = PostgresCluster.FreePort();
        await using var process = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}");

        await process.WaitUntilReadyAsync($"http://127.0.0.1:{port}/health/ready", TimeSpan.FromSeconds(60));

        var output = process.StandardOutput;
        Assert.Contains("Configuration loaded", output, StringComparison.Ordinal);
        Assert.Contains("Database answered", output, StringComparison.Ordinal);
        Assert.Contains("InitialSchema", output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Secret, output, StringComparison.Ordinal);
    }
}
