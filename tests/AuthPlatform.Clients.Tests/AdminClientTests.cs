using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's client with its adminClient plugin, unchanged, against the real service
/// (tests/clients/betterauth-client/admin.mjs): list-users, set-role, impersonate and stop-impersonating, has-permission,
/// ban, unban, revoke-user-sessions, remove-user, and the plugin's 403 for a caller who is no administrator.
/// </summary>
public sealed class AdminClientTests(ITestOutputHelper output)
{
    private const string AdminEmail = "admin-client@example.com";

    [Fact]
    public async Task The_adminClient_administers_users_and_impersonates_unchanged()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());

        // The first administrator: signed up, then given the role (as the operator's set-role does).
        using (var http = new HttpClient { BaseAddress = new Uri(service.PublicUrl) })
        {
            var signUp = await http.PostAsJsonAsync("api/auth/sign-up/email", new { name = "Admin", email = AdminEmail, password = AuthApi.Password });
            Assert.True(signUp.IsSuccessStatusCode, await signUp.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'admin' where email = $1 returning 1) select count(*)::int from changed", AdminEmail));

        var outcome = await NodeScript.RunAsync("betterauth-client", "admin.mjs", [service.PublicUrl, AdminEmail], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(18, lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
