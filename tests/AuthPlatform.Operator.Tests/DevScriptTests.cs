using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// build/dev.sh runs operator commands on the caller's configuration: a secret or database the caller
/// sets is the one checked, not the development defaults the script would otherwise provide.
/// Runs the script itself (without rebuilding: the test run has built the binary already).
/// </summary>
public sealed class DevScriptTests(TestDatabase database)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Doctor_through_dev_sh_checks_the_secret_and_database_the_caller_set()
    {
        var outcome = await DevScriptAsync(new Dictionary<string, string>
        {
            ["AUTH_SECRET"] = "short12345",
            ["DATABASE_URL"] = database.ConnectionString,
        }, "doctor", "--offline", "--json");

        var report = JsonNode.Parse(outcome.StandardOutput)!.AsObject();
        var secret = Check(report, "secret");
        Assert.True(secret["status"]!.GetValue<string>() == "fail", outcome.ToString());
        Assert.Contains("it has 10 characters", secret.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);

        // The caller's database, named by its own port: the script started none of its own.
        var port = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        Assert.Contains($":{port}", Check(report, "database")["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_from_the_caller_dev_sh_supplies_its_development_secret()
    {
        var outcome = await DevScriptAsync(new Dictionary<string, string> { ["DATABASE_URL"] = database.ConnectionString }, "doctor", "--offline", "--json");

        var report = JsonNode.Parse(outcome.StandardOutput)!.AsObject();
        Assert.True(Check(report, "secret")["status"]!.GetValue<string>() == "pass", outcome.ToString());
    }

    private static JsonNode Check(JsonObject report, string name) =>
        report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    private static Task<ExternalProcess.Outcome> DevScriptAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        environment["DEV_SKIP_BUILD"] = "1";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["AUTH_BASE_URL"] = "http://localhost:5999";
        return ExternalProcess.RunAsync("bash", ["build/dev.sh", .. arguments], ServiceProcess.RepositoryRoot, null, Timeout, environment);
    }
}
