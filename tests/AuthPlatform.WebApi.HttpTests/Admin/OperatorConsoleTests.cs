using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>
/// The operator console's serving (ADR 0143): off by default, so every path under /console is 404; on, its
/// files and nothing else, each under the console's Content-Security-Policy and the service's security headers; and
/// admin/list-user-accounts, the one admin route it added, guarded by the admin statements like the others.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OperatorConsoleTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    [InlineData("/console/index.html")]
    [InlineData("/console/console.js")]
    public async Task Off_by_default_every_console_path_is_404(string path)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task On_it_serves_its_files_under_a_policy_without_inline_script_and_nothing_else()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Console:Enabled"] = "true";
        var client = factory.CreatePlainClient();

        var root = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/console/", root.Headers.Location!.OriginalString);

        var page = await client.GetAsync("/console/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"auth-base-path\" content=\"/api/auth\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // scripts come from files only
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));

        var script = await client.GetAsync("/console/console.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/admin/list-users", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/console.css")).StatusCode);

        foreach (var path in new[] { "/console/nothing.js", "/console/assets/console.js", "/console/%2e%2e/appsettings.json", "/console/..%2fappsettings.json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task List_user_accounts_shows_an_administrator_the_users_ways_in_and_refuses_anyone_else()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var admin = await client.SignUpAsync("admin@example.com", name: "Admin");
        await database.MakeAdminAsync(admin.UserId);
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");

        var answer = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"admin/list-user-accounts?userId={bob.UserId}", admin.Cookie, origin: null));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = (await answer.JsonAsync())!;
        var account = Assert.Single(body["accounts"]!.AsArray());
        Assert.Equal("credential", account!["providerId"]!.GetValue<string>());
        Assert.Equal(bob.UserId, account["userId"]!.GetValue<string>());
        Assert.Empty(body["passkeys"]!.AsArray());
        Assert.False(body["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(0, body["backupCodesLeft"]!.GetValue<int>());

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"admin/list-user-accounts?userId={admin.UserId}", bob.Cookie, origin: null)))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_GET_USER");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-user-accounts?userId=nobody", admin.Cookie, origin: null)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_NOT_FOUND");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-user-accounts", admin.Cookie, origin: null))).StatusCode);
    }
}
