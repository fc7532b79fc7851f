using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The demo frontend's "Sign in with …" button in Debian's Chromium, same-site on localhost, against a real
/// OpenID Connect provider (oidc-provider): the button, the provider's pages, the service's callback, back on
/// the frontend signed in; then the same address unverified under another provider account, refused
/// (tests/clients/browser/social.mjs). Screenshot: TestResults/browser/social-sign-in.png.
/// </summary>
public sealed class BrowserSocialClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_frontends_provider_button_signs_in_through_the_provider()
    {
        NodeScript.RequirePackage("browser", "playwright-core");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
        var authPort = PostgresCluster.FreePort();
        await using var provider = await OidcProvider.StartAsync($"http://localhost:{authPort}/api/auth/callback/idp");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var settings = provider.ServiceSettings("idp").ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Auth__Social__Providers__idp__Name"] = "Test IdP";
        settings["AUTH_COOKIE_MODE"] = "SameSite";
        await using var sites = await BrowserSites.StartAsync(database, https: false, "cookies", settings, authPort);
        Assert.Equal($"http://localhost:{authPort}", sites.Auth.PublicUrl);

        Directory.CreateDirectory(BrowserRun.ScreenshotDirectory);
        var screenshot = Path.Combine(BrowserRun.ScreenshotDirectory, "social-sign-in.png");
        File.Delete(screenshot);
        var scenario = new JsonObject
        {
            ["frontendUrl"] = sites.FrontendUrl,
            ["hostRules"] = new JsonArray(sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
            ["providerId"] = "idp",
            ["issuer"] = provider.Issuer,
            ["account"] = new JsonObject { ["sub"] = "sub-browser", ["email"] = "browser.social@example.com", ["name"] = "Browser Social" },
            ["screenshot"] = screenshot,
        };
        var outcome = await NodeScript.RunAsync("browser", "social.mjs", [], TimeSpan.FromMinutes(3), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        output.WriteLine(line ?? outcome.ToString());
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{sites.Logs}");
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{sites.Logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");

        string Value(string step, string key) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).First(s => s["name"]!.GetValue<string>() == step)[key]!.ToString();
        Assert.Equal("Signed out", Value("frontend", "status"));
        Assert.Equal("Sign in with Test IdP", Value("frontend", "button"));
        Assert.Equal("login", Value("provider (browser.social@example.com)", "prompt"));
        Assert.StartsWith(sites.FrontendUrl + "/?view=signed-in", Value("back signed in", "url"), StringComparison.Ordinal);
        Assert.Equal("Signed in as browser.social@example.com", Value("back signed in", "status"));
        Assert.Equal("browser.social@example.com", Value("back signed in", "email"));
        Assert.Equal("Signed out", Value("sign out", "status"));
        Assert.StartsWith(sites.FrontendUrl + "/?view=sign-in-error", Value("refused", "url"), StringComparison.Ordinal);
        Assert.Contains("error=account_not_linked", Value("refused", "url"), StringComparison.Ordinal);
        Assert.Equal("Signed out", Value("refused", "status"));
        Assert.Equal("Sign-in with the provider failed: account_not_linked", Value("refused", "hint"));
        Assert.True(File.Exists(screenshot), "no screenshot was saved");
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM users"));
    }
}
