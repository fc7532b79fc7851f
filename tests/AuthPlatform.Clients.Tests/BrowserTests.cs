using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The demo frontend in Debian's Chromium, on another site than the service, through the whole flow: sign
/// up, sign in, reload, a second tab, a JWT for the resource server, a second device whose session is
/// revoked, sign out. Cross-site over https with a partitioned cookie; same-site on localhost with a Lax
/// cookie; bearer mode with no cookie at all; and the negative control that proves the cross-site test
/// can fail for the real reason: without Partitioned this browser drops the cookie.
/// Screenshots of the signed-in page (and of the control's signed-out one): TestResults/browser/*.png.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private const string CrossSiteCookie = "__Host-better-auth.session_token";
    private const string SameSiteCookie = "better-auth.session_token";

    [Fact]
    public async Task Cross_site_over_https_a_partitioned_cookie_keeps_the_session_across_reloads_and_tabs_until_sign_out()
    {
        var run = await RunAsync(https: true, "cookies", new() { ["AUTH_COOKIE_MODE"] = "CrossSite" }, "full", "cross-site-cookies");

        AssertFullFlow(run, survivesReload: true, sessionsListed: 2);
        var cookie = Assert.Single(run.Cookies("cookiesSignedIn"));
        Assert.Equal(CrossSiteCookie, cookie["name"]!.GetValue<string>());
        Assert.Equal("auth.test", cookie["domain"]!.GetValue<string>());
        Assert.Equal("https://app.test", cookie["partitionKey"]?.GetValue<string>());
        Assert.True(cookie["httpOnly"]!.GetValue<bool>());
        Assert.True(cookie["secure"]!.GetValue<bool>());
        Assert.Equal("None", cookie["sameSite"]!.GetValue<string>());
        Assert.Equal("/", cookie["path"]!.GetValue<string>());
        Assert.DoesNotContain(run.BlockedCookies, b => b["name"]?.GetValue<string>() == CrossSiteCookie);
        Assert.Empty(run.Cookies("cookiesAfterSignOut"));
    }

    [Fact]
    public async Task Same_site_on_localhost_a_lax_cookie_keeps_the_session_across_reloads_and_tabs_until_sign_out()
    {
        var run = await RunAsync(https: false, "cookies", new() { ["AUTH_COOKIE_MODE"] = "SameSite" }, "full", "same-site-cookies");

        AssertFullFlow(run, survivesReload: true, sessionsListed: 2);
        var cookie = Assert.Single(run.Cookies("cookiesSignedIn"));
        Assert.Equal(SameSiteCookie, cookie["name"]!.GetValue<string>());
        Assert.Equal("localhost", cookie["domain"]!.GetValue<string>());
        Assert.Null(cookie["partitionKey"]?.GetValue<string>());
        Assert.True(cookie["httpOnly"]!.GetValue<bool>());
        Assert.Equal("Lax", cookie["sameSite"]!.GetValue<string>());
        Assert.Empty(run.Cookies("cookiesAfterSignOut"));
    }

    [Fact]
    public async Task Bearer_mode_cross_site_keeps_the_token_in_memory_and_the_browser_stores_no_cookie()
    {
        // The service's cookie mode does not matter here: the page never lets the browser keep cookies.
        var run = await RunAsync(https: true, "bearer", new() { ["AUTH_COOKIE_MODE"] = "CrossSite" }, "full", "cross-site-bearer");

        // A reload or a new tab starts without the in-memory token: signed out there, by design. The
        // session of the lost token stays live until it expires, so three are listed: that one, this
        // page's new one and the second device's.
        AssertFullFlow(run, survivesReload: false, sessionsListed: 3);
        Assert.Empty(run.Cookies("cookiesAfterSignUp"));
        Assert.Empty(run.Cookies("cookiesSignedIn"));
        Assert.Empty(run.Cookies("cookiesAfterSignOut"));
    }

    [Fact]
    public async Task Negative_control_cross_site_without_Partitioned_the_browser_drops_the_cookie_and_no_session_is_kept()
    {
        var run = await RunAsync(https: true, "cookies",
            new() { ["AUTH_COOKIE_MODE"] = "CrossSite", ["AUTH_COOKIE_PARTITIONED"] = "false" }, "sign-up-only", "cross-site-unpartitioned-dropped");

        // The service did its part: sign-up succeeded and sent the cookie...
        var signUp = Assert.Single(run.Responses("POST", "/sign-up/email"));
        Assert.Equal(200, signUp["status"]!.GetValue<int>());
        Assert.True(signUp["setsCookie"]?.GetValue<bool>() == true, run.Raw);
        // ...and the browser refused it as a third-party cookie, so the page is signed out.
        Assert.Empty(run.Cookies("cookiesAfterSignUp"));
        var blocked = run.BlockedCookies.Where(b => b["name"]?.GetValue<string>() == CrossSiteCookie).ToList();
        Assert.NotEmpty(blocked);
        Assert.Contains(blocked, b => b["reasons"]!.AsArray().Any(r => r!.GetValue<string>() == "UserPreferences"));
        Assert.Equal("Signed out", run.Status("sign up"));
        Assert.Contains("the browser kept no session cookie", run.Value("sign up", "hint"), StringComparison.Ordinal);
        Assert.Equal("Signed out", run.Status("refresh after sign up"));
        Assert.All(run.Responses("GET", "/get-session"), r => Assert.Equal(200, r["status"]!.GetValue<int>()));
    }

    private async Task<BrowserRun> RunAsync(bool https, string mode, Dictionary<string, string?> authSettings, string flow, string? screenshot)
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var sites = await BrowserSites.StartAsync(database, https, mode, authSettings);
        output.WriteLine($"frontend {sites.FrontendUrl}, API {sites.Auth.PublicUrl}, resource server {sites.ResourceServerUrl}, mode {mode}");
        var run = await BrowserRun.RunAsync(sites, $"browser-{mode}@example.com", flow, screenshot);
        output.WriteLine(run.Report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        if (screenshot is not null)
        {
            Assert.True(File.Exists(Path.Combine(BrowserRun.ScreenshotDirectory, screenshot + ".png")), "no screenshot was saved");
        }

        return run;
    }

    private static void AssertFullFlow(BrowserRun run, bool survivesReload, int sessionsListed)
    {
        const string email = "@example.com";
        Assert.Equal("Signed out", run.Status("first visit"));
        Assert.Equal(string.Empty, run.Value("sign up", "hint"));
        Assert.StartsWith("Signed in as browser-", run.Status("sign up"), StringComparison.Ordinal);
        Assert.EndsWith(email, run.Status("sign up"), StringComparison.Ordinal);
        Assert.Equal("Signed out", run.Status("sign out after sign up"));
        Assert.StartsWith("Signed in as", run.Status("sign in"), StringComparison.Ordinal);
        var signedIn = survivesReload ? run.Status("sign in") : "Signed out";
        Assert.Equal(signedIn, run.Status("reload"));
        Assert.Equal(signedIn, run.Status("second tab"));

        var userId = run.Report["userId"]!.GetValue<string>();
        Assert.Equal("200", run.Value("protected call", "tokenStatus"));
        Assert.Equal("200", run.Value("protected call", "protectedStatus"));
        Assert.Equal(userId, run.Value("protected call", "sub"));

        Assert.StartsWith("Signed in as", run.Status("second device signs in"), StringComparison.Ordinal);
        Assert.Equal(sessionsListed.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Value("list sessions", "count"));
        Assert.Equal("1", run.Value("revoke other sessions", "count"));
        Assert.Equal("Signed out", run.Status("second device after revocation"));

        Assert.Equal("Signed out", run.Status("sign out"));
        Assert.Equal("Signed out", run.Status("reload after sign out"));
        // Signed out, the page's fresh token attempt is refused, so the resource server is never called.
        Assert.Equal("401", run.Value("protected call after sign out", "tokenStatus"));
        Assert.Equal(string.Empty, run.Value("protected call after sign out", "protectedStatus"));
        // A JWT fetched before sign-out is self-contained and stays valid until it expires (15 min).
        Assert.Equal(200, run.Report["oldJwtAfterSignOut"]!.GetValue<int>());
        Assert.DoesNotContain(run.Report["responses"]!.AsArray(), r => r!["status"]!.GetValue<int>() >= 500);
    }
}
