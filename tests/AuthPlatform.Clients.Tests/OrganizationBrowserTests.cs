using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The demo frontend's organizations in Debian's Chromium, same-site on localhost, mailing through a real SMTP
/// server (MailDev): ann signs up, creates an organization and invites bob from the members page; bob signs up,
/// verifies his address by its mail, follows the invitation mail's link to the accept-invitation page, signs in and accepts;
/// ann's members page shows him and the service's list-members agrees (tests/clients/browser/organization.mjs).
/// Screenshots: TestResults/browser/organization-owner.png (ann's members page), organization-invitee.png (bob's
/// page after accepting).
/// </summary>
public sealed class OrganizationBrowserTests(ITestOutputHelper output)
{
    private const string Owner = "ann@example.com";
    private const string Invitee = "bob@example.com";

    [Fact]
    public async Task From_the_invitation_mail_to_a_member_of_the_organization()
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
        var ownerShot = Path.Combine(BrowserRun.ScreenshotDirectory, "organization-owner.png");
        var inviteeShot = Path.Combine(BrowserRun.ScreenshotDirectory, "organization-invitee.png");
        File.Delete(ownerShot);
        File.Delete(inviteeShot);
        var scenario = new JsonObject
        {
            ["frontendUrl"] = sites.FrontendUrl,
            ["apiUrl"] = sites.Auth.PublicUrl,
            ["hostRules"] = new JsonArray(sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
            ["owner"] = Owner,
            ["invitee"] = Invitee,
            ["password"] = "correct horse battery staple",
            ["organization"] = new JsonObject { ["name"] = "Acme Robotics", ["slug"] = "acme-robotics" },
            ["inboxUrl"] = $"http://127.0.0.1:{mail.WebPort}",
            ["screenshots"] = new JsonObject { ["owner"] = ownerShot, ["invitee"] = inviteeShot },
        };
        var outcome = await NodeScript.RunAsync("browser", "organization.mjs", [], TimeSpan.FromMinutes(3), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        output.WriteLine(line ?? outcome.ToString());
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{sites.Logs}");
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{line}\n{sites.Logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");

        JsonObject Step(string name) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).First(s => s["name"]!.GetValue<string>() == name);
        string Value(string step, string key) => Step(step)[key]!.ToString();
        string[] List(string step, string key) => Step(step)[key]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Equal($"Signed in as {Owner}", Value("owner signed up", "status"));
        Assert.Equal("acme-robotics", Value("organization created", "active"));
        Assert.Equal([$"{Owner}:owner"], List("organization created", "members"));
        Assert.Equal("yes", Value("invited", "sent"));
        Assert.Equal([Invitee], List("invited", "pending"));
        Assert.Equal($"Signed in as {Invitee}", Value("invitee signed up", "status"));

        // The mail's link lands on the frontend's invitation page (the callbackURL the page gave invite-member).
        var link = new Uri(Value("invitation mail", "link"));
        Assert.Equal(new Uri(sites.FrontendUrl).GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Contains("view=invitation", link.Query, StringComparison.Ordinal);
        Assert.Contains("invitationId=", link.Query, StringComparison.Ordinal);
        Assert.Equal("Signed out", Value("invitation page signed out", "status"));
        Assert.Contains("Sign in", Value("invitation page signed out", "text"), StringComparison.Ordinal);
        Assert.Equal($"Signed in as {Invitee}", Value("invitee signed in", "status"));
        Assert.Equal("true", Value("invitee signed in", "verifyCardHidden"));
        Assert.Contains("Acme Robotics", List("invitation page", "details"));
        Assert.Contains(Owner, List("invitation page", "details"));

        Assert.Equal("accepted", Value("accepted", "answer"));
        Assert.Equal("acme-robotics", Value("accepted", "active"));
        Assert.Equal([$"{Owner}:owner", $"{Invitee}:member"], List("accepted", "members"));
        Assert.Equal([$"{Owner}:owner", $"{Invitee}:member"], List("owner's members page", "members"));
        Assert.Empty(List("owner's members page", "pending"));
        Assert.Equal("200", Value("list-members", "status"));
        Assert.Equal([$"{Owner}:owner", $"{Invitee}:member"], List("list-members", "members"));
        Assert.True(File.Exists(ownerShot) && File.Exists(inviteeShot), "no screenshot was saved");
    }
}
