using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The Scalar API reference of a Development instance, opened in Chromium: it loads the document and
/// renders the operations under its Content-Security-Policy. Screenshot: TestResults/browser/api-reference.png.
/// </summary>
public sealed class ApiReferencePageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task In_Development_the_reference_page_renders_every_operation_in_a_browser()
    {
        NodeScript.RequirePackage("browser", "playwright-core");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1",
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        Directory.CreateDirectory(BrowserRun.ScreenshotDirectory);
        var screenshot = Path.Combine(BrowserRun.ScreenshotDirectory, "api-reference.png");
        File.Delete(screenshot);

        var outcome = await NodeScript.RunAsync("browser", "reference-page.mjs", [service.PublicUrl + "/scalar/", screenshot], TimeSpan.FromMinutes(3));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var report = JsonNode.Parse(outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!;
        output.WriteLine($"status {report["status"]}, console errors {report["consoleErrors"]!.ToJsonString()}");
        Assert.Null(report["error"]);
        Assert.Equal(200, report["status"]!.GetValue<int>());
        var text = report["text"]!.GetValue<string>();
        // Loaded and parsed: the document's title and version, every tag (one per controller, plus Health)
        // and the first tag's operations, expanded by default.
        Assert.All(
            new[] { "AuthPlatform", "OpenAPI 3.1", "Account", "EmailPassword", "Session", "SessionManagement", "Status", "Token", "WellKnown", "Health", "PasswordReset", "TwoFactor", "Passkey", "/api/auth/change-password" },
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));
        Assert.DoesNotContain(report["consoleErrors"]!.AsArray(), e => e!.GetValue<string>().Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.True(File.Exists(screenshot));
    }
}
