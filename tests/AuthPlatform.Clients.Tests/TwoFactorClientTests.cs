using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's client with its twoFactorClient plugin, unchanged, against the real service
/// (tests/clients/betterauth-client/two-factor.mjs), TOTP codes computed in Node independently of the service.
/// </summary>
public sealed class TwoFactorClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_twoFactorClient_runs_enrolment_sign_in_backup_codes_and_disable_unchanged()
    {
        NodeScript.RequirePackage("betterauth-client", "better-auth");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());
        await service.CreateVerifiedUserAsync(database, "two-factor-client@example.com", "correct horse battery staple", "Two Factor");

        var outcome = await NodeScript.RunAsync("betterauth-client", "two-factor.mjs", [service.PublicUrl], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)) >= 16, outcome.ToString());
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
