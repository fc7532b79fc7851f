using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// One run of tests/clients/browser/e2e.mjs (Chromium driven by playwright-core) against a
/// <see cref="BrowserSites"/>: what the page showed at each step, the browser's cookies (names and
/// attributes, never values), the cookies Chromium refused and why, and every API response.
/// </summary>
public sealed class BrowserRun
{
    private BrowserRun(JsonObject report, string raw)
    {
        Report = report;
        Raw = raw;
    }

    public JsonObject Report { get; }

    public string Raw { get; }

    /// <summary>Where screenshots go: TestResults/browser/ under the repository root (git-ignored).</summary>
    public static string ScreenshotDirectory => Path.Combine(ServiceProcess.RepositoryRoot, "TestResults", "browser");

    public static async Task<BrowserRun> RunAsync(BrowserSites sites, string email, string flow, string? screenshotName)
    {
        NodeScript.RequirePackage("browser", "playwright-core");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
        string? screenshot = null;
        if (screenshotName is not null)
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            screenshot = Path.Combine(ScreenshotDirectory, screenshotName + ".png");
            File.Delete(screenshot);
        }

        var scenario = new JsonObject
        {
            ["frontendUrl"] = sites.FrontendUrl,
            ["hostRules"] = new JsonArray(sites.HostRules.Select(r => (JsonNode)r!).ToArray()),
            ["email"] = email,
            ["password"] = "correct horse battery staple",
            ["flow"] = flow,
            ["screenshot"] = screenshot,
        };
        var outcome = await NodeScript.RunAsync("browser", "e2e.mjs", [], TimeSpan.FromMinutes(4), scenario.ToJsonString());
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{sites.Logs}");
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the browser flow broke off: {report["error"]}\n{line}\n{sites.Logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}\n{line}");
        return new BrowserRun(report, line!);
    }

    /// <summary>The step named <paramref name="name"/>; fails if the flow never got there.</summary>
    public JsonObject Step(string name) =>
        Report["steps"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => s["name"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"step '{name}' not reached: {Raw}");

    public string Status(string step) => Step(step)["status"]!.GetValue<string>();

    public string? Value(string step, string key) => Step(step)[key]?.ToString();

    public IReadOnlyList<JsonObject> Cookies(string key) =>
        (Report[key]?.AsArray() ?? []).Select(c => c!.AsObject()).ToList();

    /// <summary>The responses to <paramref name="method"/> <paramref name="pathSuffix"/>, in order.</summary>
    public IReadOnlyList<JsonObject> Responses(string method, string pathSuffix) =>
        (Report["responses"]?.AsArray() ?? []).Select(r => r!.AsObject())
            .Where(r => r["method"]!.GetValue<string>() == method && r["path"]!.GetValue<string>().EndsWith(pathSuffix, StringComparison.Ordinal))
            .ToList();

    public IReadOnlyList<JsonObject> BlockedCookies => (Report["blockedCookies"]?.AsArray() ?? []).Select(c => c!.AsObject()).ToList();
}
