using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's own JavaScript client with its organizationClient plugin drives organizations, teams and the
/// organization's own roles (dynamic access control on) unchanged against the
/// real service binary, which mails invitations through a real SMTP server (MailDev); the script reads the invitation
/// from the inbox (tests/clients/betterauth-client/organization.mjs).
/// </summary>
public sealed class OrganizationClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Organizations_work_with_the_BetterAuth_organization_client()
    {
        NodeScript.RequirePackage("betterauth-client", "better-auth");
        await using var mail = await MailCatcher.StartAsync();
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var settings = mail.ServiceSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Auth__Organization__DynamicAccessControl__Enabled"] = "true";
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", settings);

        var outcome = await NodeScript.RunAsync("betterauth-client", "organization.mjs", [service.PublicUrl, $"http://127.0.0.1:{mail.WebPort}"], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)) >= 42, outcome.ToString());
        Assert.Equal("all checks passed", lines[^1].Trim());
    }
}
