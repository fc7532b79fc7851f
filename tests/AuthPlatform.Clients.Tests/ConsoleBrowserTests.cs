using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The operator console the service serves under /console/ (Auth:Console:Enabled), in Debian's Chromium
/// (tests/clients/browser/console.mjs): an administrator signs in through the page, pages through and searches users,
/// opens one (sessions, accounts, second factors, audit events), bans and unbans them, impersonates them with the
/// banner showing and stops, then reads the audit trail, filtered, and a webhook's delivery log; under the console's
/// Content-Security-Policy, with no console error. Screenshots in TestResults/browser/console-*.png (the ones in
/// docs/images come from here).
/// </summary>
public sealed class ConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Admin = "ops@example.com";
    private const string Target = "bob.builder@example.com";

    [Fact]
    public async Task An_administrator_finds_bans_unbans_and_impersonates_a_user_and_reads_the_audit_trail()
    {
        NodeScript.RequirePackage("browser", "playwright-core");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1",
            new Dictionary<string, string?> { ["AUTH_CONSOLE_ENABLED"] = "true" });
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(service.PublicUrl) };

        // Users to find: the administrator, the target (signed in once, from "their" browser) and 23 others (two pages of 20).
        var admin = await SignUpAsync(http, "Olive Operator", Admin);
        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'admin' where email = $1 returning 1) select count(*)::int from changed", Admin));
        await SignUpAsync(http, "Bob Builder", Target);
        foreach (var (name, index) in new[] { "Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mo", "Nia", "Oto", "Pia", "Quin", "Rae", "Sol", "Tia", "Uma", "Vic", "Wes" }.Select((n, i) => (n, i)))
        {
            await SignUpAsync(http, $"{name} Example", $"{name.ToLowerInvariant()}{index}@example.com");
        }

        // A webhook for bans whose receiver is down: its delivery log shows the failed attempts.
        var created = await http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "admin/create-webhook", admin.Cookie,
            new { url = $"http://127.0.0.1:{PostgresCluster.FreePort()}/hooks", events = new[] { "admin.user-banned" } }, origin: service.PublicUrl));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        Directory.CreateDirectory(BrowserRun.ScreenshotDirectory);
        var shots = new[] { "search", "detail", "impersonation", "audit", "webhooks" }
            .ToDictionary(n => n, n => Path.Combine(BrowserRun.ScreenshotDirectory, $"console-{n}.png"));
        foreach (var shot in shots.Values)
        {
            File.Delete(shot);
        }

        var scenario = new JsonObject
        {
            ["consoleUrl"] = service.PublicUrl + "/console/",
            ["admin"] = Admin,
            ["password"] = AuthApi.Password,
            ["target"] = Target,
            ["targetSearch"] = "builder",
            ["screenshots"] = new JsonObject(shots.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        };
        var outcome = await NodeScript.RunAsync("browser", "console.mjs", [], TimeSpan.FromMinutes(4), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        output.WriteLine(line ?? outcome.ToString());
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{service.Process.StandardOutput}");
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{line}\n{service.Process.StandardOutput}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");
        Assert.Empty(report["consoleErrors"]!.AsArray()); // a Content-Security-Policy violation would show here

        JsonObject Step(string name) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => s["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"step '{name}' not reached: {line}");
        string Value(string step, string key) => Step(step)[key]!.ToString();
        string[] List(string step, string key) => Step(step)[key]!.AsArray().Select(v => v!.ToString()).ToArray();

        Assert.Equal("200", Value("opened", "status"));
        Assert.Contains("script-src 'self'", Value("opened", "csp"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Value("opened", "csp"), StringComparison.Ordinal);
        Assert.Equal("true", Value("opened", "signInShown"));

        // Finding: 25 users, 20 on the first page, 5 on the next; the search finds the one.
        Assert.Equal(Admin, Value("signed in", "who"));
        Assert.Equal("25", Value("signed in", "total"));
        Assert.Equal(20, List("signed in", "listed").Length);
        Assert.Equal(5, List("next page", "listed").Length);
        Assert.Empty(List("signed in", "listed").Intersect(List("next page", "listed")));
        Assert.Equal([Target], List("user search", "listed"));

        // The user's page: their session from sign-up, their password account, no second factor, their sign-up event.
        Assert.Contains(Target, Value("user detail", "title"), StringComparison.Ordinal);
        Assert.Equal("false", Value("user detail", "banned"));
        Assert.Equal("1", Value("user detail", "sessions"));
        Assert.Equal(["credential"], List("user detail", "accounts"));
        Assert.Contains("off", Value("user detail", "factors"), StringComparison.Ordinal);
        Assert.Contains("sign-up", List("user detail", "events"));

        // A ban ends their sessions and shows with its reason and end; unbanning lifts it.
        Assert.Equal("true", Value("banned", "banned"));
        Assert.Contains("spamming the forum", Value("banned", "state"), StringComparison.Ordinal);
        Assert.Contains("until", Value("banned", "state"), StringComparison.Ordinal);
        Assert.Equal("0", Value("banned", "sessions"));
        Assert.Equal("true", Value("banned", "unbanShown"));
        Assert.Equal("false", Value("unbanned", "banned"));
        Assert.Equal("true", Value("unbanned", "banShown"));

        // Impersonating: the banner names the user, the browser is them; stopping gives the administrator back.
        Assert.Equal("true", Value("impersonating", "banner"));
        Assert.Contains(Target, Value("impersonating", "bannerText"), StringComparison.Ordinal);
        Assert.Equal(Target, Value("impersonating", "who"));
        Assert.Equal("true", Value("impersonating", "tabsHidden"));
        Assert.Equal("false", Value("stopped", "banner"));
        Assert.Equal(Admin, Value("stopped", "who"));
        Assert.Contains(Target, Value("stopped", "title"), StringComparison.Ordinal);
        Assert.Subset(List("stopped", "events").ToHashSet(),
            new HashSet<string> { "admin.user-banned", "admin.user-unbanned", "admin.impersonation-started", "admin.impersonation-stopped" });

        // The audit trail shows every one of those; filtered by type, the one ban with its reason.
        var trail = List("audit trail", "events");
        Assert.All(new[] { "admin.user-banned", "admin.user-unbanned", "admin.impersonation-started", "admin.impersonation-stopped", "sign-in" },
            type => Assert.Contains(type, trail));
        Assert.Equal("1", Value("audit filtered", "total"));
        Assert.Equal(["admin.user-banned"], List("audit filtered", "events"));
        Assert.Equal(["spamming the forum"], List("audit filtered", "reasons"));

        Assert.Equal("1", Value("webhook deliveries", "webhooks"));
        Assert.NotEmpty(List("webhook deliveries", "deliveries"));
        Assert.All(List("webhook deliveries", "deliveries"), d => Assert.Equal("false", d));
        Assert.All(shots.Values, shot => Assert.True(File.Exists(shot), $"no screenshot {shot}"));
    }

    private static async Task<AuthApi.SignedIn> SignUpAsync(HttpClient http, string name, string email) =>
        await AuthApi.ReadSignedInAsync(await http.PostAsJsonAsync("/api/auth/sign-up/email", new { name, email, password = AuthApi.Password }));
}
