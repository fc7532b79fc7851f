using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// Webhooks as a receiver nobody here wrote sees them (tests/clients/webhook-receiver/receive.mjs, the
/// standardwebhooks library): a receiver that is down when the events happen gets every one of them once it is
/// back, each verified by the library, none lost; an administrator registers it over the admin API.
/// </summary>
public sealed class WebhookReceiverTests(ITestOutputHelper output)
{
    private const string AdminEmail = "webhook-admin@example.com";

    [Fact]
    public async Task A_receiver_that_was_down_gets_every_subscribed_event_verified_by_the_standard_library()
    {
        NodeScript.RequirePackage("webhook-receiver", "standardwebhooks");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(service.PublicUrl) };
        var admin = await AuthApi.ReadSignedInAsync(await http.PostAsJsonAsync("api/auth/sign-up/email", new { name = "Admin", email = AdminEmail, password = AuthApi.Password }));
        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'admin' where email = $1 returning 1) select count(*)::int from changed", AdminEmail));

        var port = PostgresCluster.FreePort();
        var created = await http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "admin/create-webhook", admin.Cookie,
            new { url = $"http://127.0.0.1:{port}/hooks", events = new[] { "sign-up" } }, origin: service.PublicUrl));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = (await created.JsonAsync())!;
        var secret = (string)body["secret"]!;
        var webhookId = (string)body["webhook"]!["id"]!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        // The receiver is down for its first 6 seconds; three users sign up meanwhile (and sign in: not subscribed).
        var receiving = NodeScript.RunAsync("webhook-receiver", "receive.mjs", [port.ToString(System.Globalization.CultureInfo.InvariantCulture), "3", "6"], TimeSpan.FromMinutes(2), secret + "\n");
        var userIds = new List<string>();
        foreach (var name in new[] { "ann", "bob", "cai" })
        {
            userIds.Add((await AuthApi.ReadSignedInAsync(await http.PostAsJsonAsync("api/auth/sign-up/email", new { name, email = $"{name}@example.com", password = AuthApi.Password }))).UserId);
        }

        var outcome = await receiving;
        output.WriteLine(outcome.StandardOutput);
        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        var received = lines.Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal("sign-up", r[2]));
        Assert.Equal(userIds, received.Select(r => r[3]));

        // The delivery log shows the failed attempts while the receiver was down, then the three that went through.
        var log = (await (await http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"admin/list-webhook-deliveries?webhookId={webhookId}", admin.Cookie, origin: null))).JsonAsync())!.AsArray();
        Assert.Equal(3, log.Count(d => (bool)d!["succeeded"]!));
        Assert.Contains(log, d => !(bool)d!["succeeded"]! && d["statusCode"] is null);
    }
}
