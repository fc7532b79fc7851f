using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The demo frontend's forgot-password flow in Debian's Chromium, same-site on localhost, mailing through a
/// real SMTP server (MailDev): the form, the mail, its link to the "Reset password" page, the new password,
/// signed in with it (and not with the old one). Screenshot: TestResults/browser/forgot-password.png.
/// </summary>
public sealed class BrowserForgotPasswordTests(ITestOutputHelper output)
{
    [Fact]
    public async Task From_the_forgot_password_form_to_signed_in_with_the_new_password()
    {
        NodeScript.RequirePackage("browser", "playwright-core");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
        await using var mail = await MailCatcher.StartAsync();
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var settings = mail.ServiceSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["AUTH_COOKIE_MODE"] = "SameSite";
        await using var sites = await BrowserSites.StartAsync(database, https: false, "cookies", settings);

        Directory.CreateDirectory(BrowserRun.ScreenshotDirectory);
        var screenshot = Path.Combine(BrowserRun.ScreenshotDirectory, "forgot-password.png");
        File.Delete(screenshot);
        var scenario = new JsonObject
        {
            ["frontendUrl"] = sites.FrontendUrl,
            ["hostRules"] = new JsonArray(sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
            ["email"] = "forgetful@example.com",
            ["password"] = "correct horse battery staple",
            ["newPassword"] = "a brand new passphrase 42",
            ["inboxUrl"] = $"http://127.0.0.1:{mail.WebPort}",
            ["screenshot"] = screenshot,
        };
        var outcome = await NodeScript.RunAsync("browser", "forgot-password.mjs", [], TimeSpan.FromMinutes(3), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        output.WriteLine(line ?? outcome.ToString());
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{sites.Logs}");
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{sites.Logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");

        string Value(string step, string key) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).First(s => s["name"]!.GetValue<string>() == step)[key]!.ToString();
        Assert.Equal("Signed in as forgetful@example.com", Value("sign up", "status"));
        Assert.Equal("Signed out", Value("sign out", "status"));
        Assert.Equal("yes", Value("forgot password", "sent"));
        Assert.StartsWith(sites.Auth.PublicUrl + "/api/auth/reset-password/", Value("mail", "link"), StringComparison.Ordinal);
        Assert.Contains("view=reset", Value("reset page", "url"), StringComparison.Ordinal);
        Assert.Contains("token=<token>", Value("reset page", "url"), StringComparison.Ordinal);
        Assert.Equal("yes", Value("reset", "done"));
        Assert.Equal("Signed out", Value("sign in with the old password", "status"));
        Assert.Equal("Signed in as forgetful@example.com", Value("sign in with the new password", "status"));
        Assert.True(File.Exists(screenshot), "no screenshot was saved");
    }
}
