using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// Passkeys in Chromium with the DevTools virtual authenticator, through the demo frontend, for a user with a
/// verified address: register,
/// sign out, sign in with the passkey; a second device's passkey listed and deleted; a replayed assertion
/// and an assertion made on an origin the service does not list are refused (tests/clients/browser/passkeys.mjs).
/// </summary>
public sealed class PasskeyBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_passkey_registered_in_the_demo_frontend_signs_in_and_replays_and_foreign_origins_are_refused()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var sites = await BrowserSites.StartAsync(database, https: false, "cookies", new Dictionary<string, string?> { ["AUTH_COOKIE_MODE"] = "SameSite" });
        await sites.Auth.CreateVerifiedUserAsync(database, "passkey@example.com", "correct horse battery staple", "Passkey User");
        var (otherFrontend, otherOriginUrl) = await FrontendHost.StartAsync("localhost", PostgresCluster.FreePort(), sites.Auth.PublicUrl, sites.ResourceServerUrl, "cookies", null);
        await using var _ = otherFrontend;

        NodeScript.RequirePackage("browser", "playwright-core");
        var scenario = new JsonObject
        {
            ["frontendUrl"] = sites.FrontendUrl,
            ["otherOriginUrl"] = otherOriginUrl,
            ["hostRules"] = new JsonArray(sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
            ["email"] = "passkey@example.com",
            ["password"] = "correct horse battery staple",
        };
        var outcome = await NodeScript.RunAsync("browser", "passkeys.mjs", [], TimeSpan.FromMinutes(4), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{sites.Logs}");
        output.WriteLine(line);
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the passkey flow broke off: {report["error"]}\n{sites.Logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");
        JsonObject Step(string name) => report["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["name"]!.GetValue<string>() == name);

        Assert.Equal("Passkey added.", Step("add passkey")["state"]!.GetValue<string>());
        Assert.Equal("1", Step("add passkey")["count"]!.GetValue<string>());
        Assert.Equal(1, Step("add passkey")["credentials"]!.GetValue<int>());
        Assert.Equal("Signed out", Step("sign out")["status"]!.GetValue<string>());
        Assert.Equal("Signed in as passkey@example.com", Step("sign in with passkey")["status"]!.GetValue<string>());
        Assert.Equal("Passkey added.", Step("second device adds passkey")["state"]!.GetValue<string>());
        Assert.Equal("2", Step("list passkeys")["count"]!.GetValue<string>());
        Assert.Equal("1", Step("delete second device's passkey")["count"]!.GetValue<string>());
        Assert.Equal(["laptop"], Step("delete second device's passkey")["names"]!.AsArray().Select(n => n!.GetValue<string>()));

        var replay = Step("replayed assertion");
        Assert.Equal(200, replay["first"]!.GetValue<int>());
        Assert.Equal("[400,\"CHALLENGE_NOT_FOUND\"]", replay["again"]!.ToJsonString());
        Assert.Equal("[400,\"AUTHENTICATION_FAILED\"]", replay["newChallenge"]!.ToJsonString());
        Assert.Equal("[400,\"AUTHENTICATION_FAILED\"]", Step("assertion from another origin")["result"]!.ToJsonString());
        Assert.DoesNotContain(report["responses"]!.AsArray(), r => r!["status"]!.GetValue<int>() >= 500);
    }
}
