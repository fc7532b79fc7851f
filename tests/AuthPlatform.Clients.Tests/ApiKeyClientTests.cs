using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's client with the apiKeyClient plugin of @better-auth/api-key, unchanged, against the real service
/// (tests/clients/betterauth-client/api-key.mjs): create, list, get, update, delete, the plugin's codes, and the
/// key in the x-api-key header on get-session and /token.
/// </summary>
public sealed class ApiKeyClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_apiKeyClient_manages_keys_and_a_key_signs_its_program_in_unchanged()
    {
        NodeScript.RequirePackage("betterauth-client", "@better-auth/api-key");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());

        var outcome = await NodeScript.RunAsync("betterauth-client", "api-key.mjs", [service.PublicUrl], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(11, lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
