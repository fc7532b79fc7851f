using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The demo frontend's passwordless ways in and its API keys page in Debian's Chromium, same-site on localhost,
/// mailing through a real SMTP server (MailDev) whose inbox the script reads as a user would
/// (tests/clients/browser/ways-in.mjs): a magic link and a mailed code from the form to signed in, a TOTP user
/// taken to the second-factor prompt by both, and an API key created on the page that then authenticates a
/// program's request. Screenshots: TestResults/browser/ways-in-*.png (copies in docs/images).
/// </summary>
public sealed class WaysInBrowserTests(ITestOutputHelper output)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_magic_link_from_the_form_signs_in_once()
    {
        const string email = "link@example.com";
        await using var run = await WaysInRun.StartAsync();
        var report = await run.FlowAsync("magic-link", email, output, screenshots: ("linkSent", "ways-in-magic-link-sent"));

        // The form gives way to "check your mail" for the address.
        Assert.Equal("false|true|false", report.Views("link sent"));
        Assert.Equal(email, report.Value("link sent", "address"));
        // The mail's link goes through the service and back to the page's origin, which it names as callbackURL.
        var link = new Uri(report.Value("mail", "link"));
        Assert.Equal(new Uri(run.Sites.Auth.PublicUrl).GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.StartsWith(run.Sites.FrontendUrl + "/?view=signed-in", report.Value("link followed", "url"), StringComparison.Ordinal);
        Assert.Equal($"Signed in as {email}", report.Value("link followed", "status"));
        Assert.Equal("true", report.Value("link followed", "verifyCardHidden")); // reading the mail proved the address
        Assert.Equal("false|false|false", report.Views("link followed"));
        // The same link in another browser: refused, and the page says why with the service's code.
        Assert.StartsWith(run.Sites.FrontendUrl + "/?view=link-error", report.Value("link again elsewhere", "url"), StringComparison.Ordinal);
        Assert.Equal("Signed out", report.Value("link again elsewhere", "status"));
        Assert.Contains("INVALID_TOKEN", report.Value("link again elsewhere", "hint"), StringComparison.Ordinal);
        run.AssertScreenshots();
    }

    [Fact]
    public async Task A_mailed_code_from_the_form_signs_in_and_the_page_explains_refused_codes()
    {
        const string email = "code@example.com";
        await using var run = await WaysInRun.StartAsync();
        var report = await run.FlowAsync("email-code", email, output, screenshots: ("codeEntry", "ways-in-code-entry"));

        Assert.Equal("false|false|true", report.Views("code sent"));
        Assert.Equal(email, report.Value("code sent", "address"));
        Assert.Equal("INVALID_OTP", report.Value("wrong code", "error"));
        Assert.Equal("That code is not right. Check the mail and type it again.", report.Value("wrong code", "text"));
        // Three wrong guesses spend the code: the right one is then refused too, and the page says to send a new one.
        Assert.Equal("TOO_MANY_ATTEMPTS", report.Value("right code after the attempts", "error"));
        Assert.Contains("Send a new one", report.Value("right code after the attempts", "text"), StringComparison.Ordinal);
        Assert.Equal("Signed out", report.Value("right code after the attempts", "status"));
        Assert.Equal("yes", report.Value("sent again", "resent"));
        Assert.Equal(string.Empty, report.Value("sent again", "error"));
        Assert.Equal($"Signed in as {email}", report.Value("signed in", "status"));
        Assert.Equal("false|false|false", report.Views("signed in"));
        Assert.Equal("true", report.Value("signed in", "verifyCardHidden"));
        run.AssertScreenshots();
    }

    [Fact]
    public async Task A_TOTP_user_signing_in_by_link_or_code_lands_on_the_second_factor_prompt_and_completes_it()
    {
        const string email = "totp@example.com";
        await using var run = await WaysInRun.StartAsync();
        await run.Sites.Auth.CreateVerifiedUserAsync(run.Database, email, Password, "Tess Totp");
        var report = await run.FlowAsync("second-factor", email, output);

        Assert.Equal("Two-factor is on.", report.Value("two-factor on", "state"));
        Assert.Contains("twoFactorRedirect=true", report.Value("link followed", "url"), StringComparison.Ordinal);
        Assert.Equal("Signed out", report.Value("link followed", "status"));
        Assert.Equal("true", report.Value("link followed", "prompt"));
        Assert.Equal($"Signed in as {email}", report.Value("second factor by link", "status"));
        Assert.Equal("false", report.Value("second factor by link", "prompt"));

        Assert.Equal("Signed out", report.Value("code accepted", "status"));
        Assert.Equal("true", report.Value("code accepted", "prompt"));
        Assert.Equal("true|false|false", report.Views("code accepted"));
        Assert.Equal($"Signed in as {email}", report.Value("second factor by code", "status"));
        Assert.Equal("false", report.Value("second factor by code", "prompt"));
    }

    [Fact]
    public async Task The_API_keys_page_shows_a_new_key_once_that_authenticates_a_program_until_disabled_and_deleted()
    {
        const string email = "keys@example.com";
        await using var run = await WaysInRun.StartAsync();
        var report = await run.FlowAsync("api-keys", email, output,
            screenshots: [("keyShown", "ways-in-api-key-shown"), ("keyList", "ways-in-api-keys")], username: "kay_keys");

        Assert.Equal($"Signed in as {email}", report.Value("signed up", "status"));
        Assert.Equal($"Signed in as {email}", report.Value("signed in with username", "status"));
        Assert.Equal("true", report.Value("signed in with username", "card"));

        Assert.True(int.Parse(report.Value("key shown", "length"), System.Globalization.CultureInfo.InvariantCulture) >= 64);
        Assert.Equal("true", report.Value("key shown", "visible"));
        Assert.Contains("shown only this once", report.Value("key shown", "warning"), StringComparison.Ordinal);
        var shown = report.List("key shown", "listed");
        Assert.Single(shown);
        Assert.Matches(@"^build server\|ci_\|ci_\S{3}…\|\S+\|unlimited\|true$", shown[0]);
        Assert.Equal("true", report.Value("copied", "same"));
        Assert.Equal("Copied.", report.Value("copied", "state"));
        // A program with the key is the user.
        Assert.Equal("200", report.Value("key on get-session", "keyStatus"));
        Assert.Equal(email, report.Value("key on get-session", "keyUser"));

        // Dismissed, the key is gone from the page for good; the list shows only its first characters.
        Assert.Equal("false", report.Value("dismissed", "visible"));
        Assert.Equal(string.Empty, report.Value("dismissed", "value"));
        Assert.Equal("2", report.Value("listed", "count"));
        Assert.Equal(["build server", "nightly backup"], report.List("listed", "rows").Select(r => r.Split('|')[0]).Order());
        Assert.Contains(report.List("listed", "rows"), r => r.StartsWith("nightly backup|—|", StringComparison.Ordinal) && r.Contains("|never|", StringComparison.Ordinal));

        Assert.Contains(report.List("renamed and disabled", "rows"), r => r.StartsWith("ci runner|", StringComparison.Ordinal) && r.EndsWith("|false", StringComparison.Ordinal));
        // A refused key is no caller: get-session answers null, as without any credential.
        Assert.Equal("200", report.Value("renamed and disabled", "keyStatus"));
        Assert.Equal("null", report.Value("renamed and disabled", "keyBody"));

        Assert.Equal(["nightly backup"], report.List("deleted", "rows").Select(r => r.Split('|')[0]));
        Assert.StartsWith("Deleted ci runner", report.Value("deleted", "state"), StringComparison.Ordinal);
        Assert.Equal("200", report.Value("deleted", "keyStatus"));
        Assert.Equal("null", report.Value("deleted", "keyBody"));
        run.AssertScreenshots();
    }

    /// <summary>One scenario's MailDev, database and sites (service, resource server, frontend), same-site cookies.</summary>
    private sealed class WaysInRun : IAsyncDisposable
    {
        private readonly List<string> _screenshots = [];

        private WaysInRun(MailCatcher mail, TestDatabase database, BrowserSites sites)
        {
            Mail = mail;
            Database = database;
            Sites = sites;
        }

        public MailCatcher Mail { get; }

        public TestDatabase Database { get; }

        public BrowserSites Sites { get; }

        public static async Task<WaysInRun> StartAsync()
        {
            NodeScript.RequirePackage("browser", "playwright-core");
            Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
            var mail = await MailCatcher.StartAsync();
            var database = new TestDatabase();
            await database.InitializeAsync();
            var settings = mail.ServiceSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
            settings["AUTH_COOKIE_MODE"] = "SameSite";
            var sites = await BrowserSites.StartAsync(database, https: false, "cookies", settings);
            return new WaysInRun(mail, database, sites);
        }

        public Task<Report> FlowAsync(string flow, string email, ITestOutputHelper output, (string Key, string File) screenshots, string? username = null) =>
            FlowAsync(flow, email, output, [screenshots], username);

        public async Task<Report> FlowAsync(string flow, string email, ITestOutputHelper output, IReadOnlyList<(string Key, string File)>? screenshots = null, string? username = null)
        {
            Directory.CreateDirectory(BrowserRun.ScreenshotDirectory);
            var shots = new JsonObject();
            foreach (var (key, file) in screenshots ?? [])
            {
                var path = Path.Combine(BrowserRun.ScreenshotDirectory, file + ".png");
                File.Delete(path);
                _screenshots.Add(path);
                shots[key] = path;
            }

            var scenario = new JsonObject
            {
                ["flow"] = flow,
                ["frontendUrl"] = Sites.FrontendUrl,
                ["apiUrl"] = Sites.Auth.PublicUrl,
                ["hostRules"] = new JsonArray(Sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
                ["email"] = email,
                ["password"] = Password,
                ["username"] = username,
                ["inboxUrl"] = $"http://127.0.0.1:{Mail.WebPort}",
                ["screenshots"] = shots,
            };
            var outcome = await NodeScript.RunAsync("browser", "ways-in.mjs", [], TimeSpan.FromMinutes(3), scenario.ToJsonString());
            var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
            output.WriteLine(line ?? outcome.ToString());
            Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{Sites.Logs}");
            var report = JsonNode.Parse(line!)!.AsObject();
            Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{line}\n{Sites.Logs}");
            Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");
            return new Report(report, line!);
        }

        public void AssertScreenshots() =>
            Assert.All(_screenshots, path => Assert.True(File.Exists(path), $"no screenshot at {path}"));

        public async ValueTask DisposeAsync()
        {
            await Sites.DisposeAsync();
            await Database.DisposeAsync();
            await Mail.DisposeAsync();
        }
    }

    /// <summary>The script's report: the named steps and what the page showed at each.</summary>
    private sealed class Report(JsonObject report, string raw)
    {
        private JsonObject Step(string name) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => s["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"step '{name}' not reached: {raw}");

        public string Value(string step, string key) => Step(step)[key]?.ToString() ?? throw new Xunit.Sdk.XunitException($"step '{step}' has no {key}: {raw}");

        public IReadOnlyList<string> List(string step, string key) => Step(step)[key]!.AsArray().Select(v => v!.GetValue<string>()).ToList();

        /// <summary>"sign-in forms|check your mail|enter your code", each true when shown.</summary>
        public string Views(string step) => $"{Value(step, "signInForms")}|{Value(step, "linkSent")}|{Value(step, "codeEntry")}".ToLowerInvariant();
    }
}
