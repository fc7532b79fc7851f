using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's own passkeyClient (@better-auth/passkey), unchanged, in Chromium with the DevTools virtual
/// authenticator against the real service (tests/clients/betterauth-passkey/passkey-client.mjs), for a user
/// with a verified address: addPasskey,
/// signIn.passkey, listUserPasskeys, updatePasskey, deletePasskey; a deleted passkey no longer signs in.
/// </summary>
public sealed class BetterAuthPasskeyClientTests(ITestOutputHelper output)
{
    private const string Email = "passkey-client@example.com";

    [Fact]
    public async Task The_passkeyClient_adds_signs_in_lists_renames_and_deletes_a_passkey_unchanged()
    {
        NodeScript.RequirePackage("betterauth-passkey", "@better-auth/passkey");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: build/test.sh installs it (build/test.d/clients.sh).");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var pagePort = PostgresCluster.FreePort();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "localhost", new Dictionary<string, string?>
        {
            ["AUTH_TRUSTED_ORIGINS"] = $"http://localhost:{pagePort}",
            ["AUTH_COOKIE_MODE"] = "SameSite",
        });
        await service.CreateVerifiedUserAsync(database, Email, "correct horse battery staple", "Passkey Client");

        var scenario = new JsonObject
        {
            ["apiUrl"] = service.PublicUrl,
            ["pagePort"] = pagePort,
            // the servers listen on 127.0.0.1 only, so Chromium need not try ::1 first
            ["hostRules"] = new JsonArray("MAP localhost 127.0.0.1"),
            ["email"] = Email,
            ["password"] = "correct horse battery staple",
        };
        var outcome = await NodeScript.RunAsync("betterauth-passkey", "passkey-client.mjs", [], TimeSpan.FromMinutes(4), scenario.ToJsonString());
        var logs = $"--- service\n{service.Process.StandardOutput}{service.Process.StandardError}";
        var line = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        Assert.True(outcome.ExitCode == 0 && line is not null, $"{outcome}\n{logs}");
        output.WriteLine(line);
        var report = JsonNode.Parse(line!)!.AsObject();
        Assert.True(report["error"] is null, $"the passkey flow broke off: {report["error"]}\n{line}\n{logs}");
        Assert.True(report["pageErrors"] is null, $"the page threw: {report["pageErrors"]}");
        JsonObject Step(string name) =>
            report["steps"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => s["name"]!.GetValue<string>() == name)
            ?? throw new Xunit.Sdk.XunitException($"step '{name}' not reached: {line}");
        void Succeeded(string name) => Assert.True(Step(name)["error"] is null, $"{name}: {Step(name)}");

        Succeeded("sign in");
        Assert.Equal(Email, Step("sign in")["session"]!.GetValue<string>());

        Succeeded("add passkey");
        Assert.Equal("laptop", Step("add passkey")["passkey"]!.GetValue<string>());
        Assert.True(Step("add passkey")["hasId"]!.GetValue<bool>());
        Assert.Equal(1, Step("add passkey")["credentials"]!.GetValue<int>());

        Succeeded("sign out");
        Assert.Null(Step("sign out")["session"]);

        Succeeded("sign in with passkey");
        Assert.Equal(Email, Step("sign in with passkey")["email"]!.GetValue<string>());
        Assert.Equal(Email, Step("sign in with passkey")["session"]!.GetValue<string>());

        Succeeded("list passkeys");
        Assert.Equal(1, Step("list passkeys")["count"]!.GetValue<int>());
        Assert.Equal("[\"laptop\"]", Step("list passkeys")["names"]!.ToJsonString());

        Succeeded("rename passkey");
        Assert.Equal("work laptop", Step("rename passkey")["passkey"]!.GetValue<string>());
        Assert.Equal("[\"work laptop\"]", Step("rename passkey")["names"]!.ToJsonString());

        Succeeded("delete passkey");
        Assert.True(Step("delete passkey")["status"]!.GetValue<bool>());
        Assert.Equal(0, Step("delete passkey")["count"]!.GetValue<int>());

        // The authenticator still offers the credential; the service no longer knows it.
        var refused = Step("sign in with deleted passkey");
        Assert.Equal(1, refused["credentials"]!.GetValue<int>());
        Assert.True(refused["error"] is JsonObject, $"a deleted passkey signed in: {refused}");
        Assert.Equal(401, refused["error"]!["status"]!.GetValue<int>());
        Assert.Equal("PASSKEY_NOT_FOUND", refused["error"]!["code"]!.GetValue<string>());
        Assert.Null(refused["email"]);
        Assert.Null(refused["session"]);
        Assert.DoesNotContain(report["responses"]!.AsArray(), r => r!["status"]!.GetValue<int>() >= 500);
    }
}
