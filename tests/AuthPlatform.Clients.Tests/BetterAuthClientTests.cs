using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's own JavaScript client (better-auth/client with its jwtClient plugin, unchanged) against
/// the real service: tests/clients/betterauth-client/compat.mjs makes every call a frontend makes and
/// checks the shapes the client's types promise. Any check it fails is a wire-format bug in the service.
/// </summary>
public sealed class BetterAuthClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_call_of_the_BetterAuth_client_succeeds_with_the_promised_shapes()
    {
        NodeScript.RequirePackage("betterauth-client", "better-auth");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());

        var outcome = await NodeScript.RunAsync("betterauth-client", "compat.mjs", [service.PublicUrl], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        // The script's checks, all of them run: a script that stopped early would print fewer.
        Assert.True(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)) >= 18, outcome.ToString());
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
