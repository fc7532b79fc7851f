using System.Text.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// A BetterAuth database made by BetterAuth 1.7.25 itself: tests/betterauth-fixture/scenario.mjs runs
/// BetterAuth's migrations and then sign-ups, sign-ins and password changes through BetterAuth's own
/// handler, on a fresh database of the test server. Steps and results are JSON (see scenario.mjs).
/// </summary>
public static class BetterAuthScenario
{
    /// <summary>The BETTER_AUTH_SECRET the scenario's cookies are signed with (a fixed test value).</summary>
    public const string Secret = "betterauth-test-secret-7Qm2xZ9pL4vN8kR3wT6yB1cF5hJ0dG";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static string FixtureDirectory => Path.Combine(ServiceProcess.RepositoryRoot, "tests", "betterauth-fixture");

    /// <summary>Creates a database and runs <paramref name="steps"/> in it; returns its connection string and one result per step.</summary>
    public static async Task<(string ConnectionString, JsonArray Results)> CreateAsync(string adminConnectionString, params object[] steps)
    {
        await EnsureInstalledAsync();
        var name = $"betterauth_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name };
        return (builder.ConnectionString, await RunStepsAsync(UrlOf(builder), steps));
    }

    /// <summary>Runs more steps against an existing BetterAuth database (e.g. a password change after an import).</summary>
    public static async Task<JsonArray> RunAsync(string connectionString, params object[] steps) =>
        await RunStepsAsync(UrlOf(new NpgsqlConnectionStringBuilder(connectionString)), steps);

    /// <summary>postgres://user@host:port/db, the form node-postgres takes.</summary>
    public static string UrlOf(NpgsqlConnectionStringBuilder builder) =>
        $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}{(string.IsNullOrEmpty(builder.Password) ? string.Empty : ":" + Uri.EscapeDataString(builder.Password))}@{builder.Host}:{builder.Port}/{builder.Database}";

    private static async Task<JsonArray> RunStepsAsync(string url, object[] steps)
    {
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = url,
            ["BETTER_AUTH_SECRET"] = Secret,
            ["NODE_ENV"] = "test",
        };
        var (exit, output, errors) = await ExternalProcess.RunAsync("node", ["scenario.mjs"], FixtureDirectory, JsonSerializer.Serialize(steps), TimeSpan.FromMinutes(3), environment);
        Assert.True(exit == 0, $"BetterAuth scenario failed ({exit}): {errors}");
        return JsonNode.Parse(output)!.AsArray();
    }

    /// <summary>npm ci when node_modules is missing (build/test.sh's setup hook normally did it already).</summary>
    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(FixtureDirectory, "node_modules", "better-auth")))
            {
                return;
            }

            var (exit, _, errors) = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], FixtureDirectory, null, TimeSpan.FromMinutes(10));
            Assert.True(exit == 0, $"npm ci in tests/betterauth-fixture failed ({exit}): {errors}");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
