using System.Globalization;
using System.Net;
using AuthPlatform.Testing;
using static AuthPlatform.WebApi.HttpTests.Telemetry.MetricsEndpointTests;

namespace AuthPlatform.WebApi.HttpTests.Telemetry;

/// <summary>
/// The administration and webhook counters, scraped from the real binary before and after each action: a ban and an
/// impersonation move their counters by one; a webhook whose receiver is down counts a failed delivery and one that
/// answers counts a delivered one. The dashboard shows all three, and all three are exported once used.
/// </summary>
[Trait("Tier", "full")]
public sealed class AdminMetricsTests
{
    /// <summary>The metrics these actions export (absent from a scrape until the first of them).</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["authplatform_admin_bans_total", "authplatform_admin_impersonations_total", "authplatform_webhooks_deliveries_total"];

    [Fact]
    public async Task A_ban_an_impersonation_and_webhook_deliveries_each_move_their_counter()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var metricsPort = PostgresCluster.FreePort();
        var (service, baseUrl) = await StartAsync(database, new Dictionary<string, string?>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Telemetry__Prometheus__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        });
        await using var running = service;
        using var api = Client(baseUrl);
        using var scraper = Client($"http://127.0.0.1:{metricsPort}");
        async Task<PrometheusScrape> ScrapeAsync() => new(await scraper.GetStringAsync("/metrics"));
        Task<HttpResponseMessage> AdminAsync(HttpMethod method, string route, string cookie, object? body = null) =>
            api.SendAsync(AuthApi.WithCookie(method, "admin/" + route, cookie, body, origin: baseUrl));

        var admin = await api.SignUpAsync("admin@example.com", name: "Admin");
        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'admin' where id = $1 returning 1) select count(*)::int from changed", admin.UserId));
        var bob = await api.SignUpAsync("bob@example.com", name: "Bob");

        var before = await ScrapeAsync();
        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(HttpMethod.Post, "ban-user", admin.Cookie, new { userId = bob.UserId, banReason = "spam" })).StatusCode);
        var afterBan = await ScrapeAsync();
        AssertMoved(before, afterBan, 1, "authplatform_admin_bans_total");
        AssertMoved(before, afterBan, 0, "authplatform_admin_impersonations_total");

        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(HttpMethod.Post, "unban-user", admin.Cookie, new { userId = bob.UserId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AdminAsync(HttpMethod.Post, "impersonate-user", admin.Cookie, new { userId = bob.UserId })).StatusCode);
        var afterImpersonation = await ScrapeAsync();
        AssertMoved(afterBan, afterImpersonation, 1, "authplatform_admin_impersonations_total");
        AssertMoved(afterBan, afterImpersonation, 0, "authplatform_admin_bans_total");

        // Two endpoints for sign-ups: one where nothing listens, one that answers 204.
        var downPort = PostgresCluster.FreePort();
        var upPort = PostgresCluster.FreePort();
        using var receiver = new HttpListener { Prefixes = { $"http://127.0.0.1:{upPort}/" } };
        receiver.Start();
        var answering = AnswerAsync(receiver);
        foreach (var port in new[] { downPort, upPort })
        {
            var created = await AdminAsync(HttpMethod.Post, "create-webhook", admin.Cookie, new { url = $"http://127.0.0.1:{port}/hooks", events = new[] { "sign-up" } });
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        await api.SignUpAsync("cai@example.com", name: "Cai");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        PrometheusScrape afterWebhooks;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            afterWebhooks = await ScrapeAsync();
        }
        while (DateTime.UtcNow < deadline && (Moved("delivered") < 1 || Moved("failed") < 1));

        double Moved(string result) =>
            afterWebhooks.Value("authplatform_webhooks_deliveries_total", $"result=\"{result}\"") - afterImpersonation.Value("authplatform_webhooks_deliveries_total", $"result=\"{result}\"");
        Assert.True(Moved("delivered") == 1, $"delivered moved by {Moved("delivered")}\n{afterWebhooks.Text}");
        Assert.True(Moved("failed") >= 1, $"failed moved by {Moved("failed")}\n{afterWebhooks.Text}");

        var dashboard = DashboardMetrics();
        Assert.All(Metrics, metric => Assert.Contains(metric, dashboard));
        Assert.All(Metrics, metric => Assert.Contains(metric, afterWebhooks.SampleNames));
        receiver.Stop();
        await answering;
    }

    private static async Task AnswerAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
