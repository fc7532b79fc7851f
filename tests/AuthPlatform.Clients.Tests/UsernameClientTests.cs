using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's client with its usernameClient plugin, unchanged, against the real service
/// (tests/clients/betterauth-client/username.mjs): sign-up with a username, availability, sign-in by username.
/// </summary>
public sealed class UsernameClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_usernameClient_signs_up_and_signs_in_by_username_unchanged()
    {
        NodeScript.RequirePackage("betterauth-client", "better-auth");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());

        var outcome = await NodeScript.RunAsync("betterauth-client", "username.mjs", [service.PublicUrl], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(8, lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
