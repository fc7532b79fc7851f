using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Telemetry;

/// <summary>
/// The real binary with its Prometheus endpoint on a port of its own, scraped before and after each flow:
/// every counter moves by exactly what the flow did. And every metric docs/grafana-dashboard.json queries
/// is one the service exports.
/// </summary>
[Trait("Tier", "full")]
public sealed partial class MetricsEndpointTests(ITestOutputHelper output)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Each_flow_moves_its_counter_by_the_expected_amount_and_the_dashboard_queries_only_exported_metrics()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var metricsPort = PostgresCluster.FreePort();
        var (service, baseUrl) = await StartAsync(database, new Dictionary<string, string?>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Telemetry__Prometheus__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A window no slow machine outruns: the fourth sign-in below must meet the limit of 3.
            ["Auth__RateLimits__CredentialWindow"] = "00:05:00",
        });
        await using var running = service;
        using var api = Client(baseUrl);
        using var scraper = Client($"http://127.0.0.1:{metricsPort}");

        // The scrape port serves nothing else, and the service's port does not serve the scrape.
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/api/auth/ok")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics")).StatusCode);

        async Task<PrometheusScrape> ScrapeAsync() => new(await scraper.GetStringAsync("/metrics"));

        var before = await ScrapeAsync();
        var signUp = await api.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Metrics", email = "metrics@example.com", password = Password });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var sessionToken = JsonNode.Parse(await signUp.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var afterSignUp = await ScrapeAsync();
        AssertMoved(before, afterSignUp, 1, "authplatform_sessions_created_total");
        AssertMoved(before, afterSignUp, 0, "authplatform_sign_ins_total");

        // Three sign-ins (the credential limit per window): wrong password, unknown email, success.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(api, "metrics@example.com", "not the password at all")).StatusCode);
        var afterWrongPassword = await ScrapeAsync();
        AssertMoved(afterSignUp, afterWrongPassword, 1, "authplatform_sign_ins_total", "outcome=\"invalid_password\"");
        AssertMoved(afterSignUp, afterWrongPassword, 1, "authplatform_sign_ins_total");
        AssertMoved(afterSignUp, afterWrongPassword, 0, "authplatform_sessions_created_total");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(api, "nobody@example.com", Password)).StatusCode);
        var afterUnknown = await ScrapeAsync();
        AssertMoved(afterWrongPassword, afterUnknown, 1, "authplatform_sign_ins_total", "outcome=\"unknown_email\"");
        AssertMoved(afterWrongPassword, afterUnknown, 0, "authplatform_sign_ins_total", "outcome=\"invalid_password\"");

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(api, "metrics@example.com", Password)).StatusCode);
        var afterSuccess = await ScrapeAsync();
        AssertMoved(afterUnknown, afterSuccess, 1, "authplatform_sign_ins_total", "outcome=\"success\"");
        AssertMoved(afterUnknown, afterSuccess, 1, "authplatform_sessions_created_total");
        Assert.Equal(3, afterSuccess.Value("authplatform_password_hashing_queue_wait_seconds_count") - afterSignUp.Value("authplatform_password_hashing_queue_wait_seconds_count"));
        Assert.Equal(0, afterSuccess.Value("authplatform_password_hashing_queue_length"));

        // The fourth sign-in in the window is refused by the credential rate limit, before any hashing.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(api, "metrics@example.com", Password)).StatusCode);
        var afterLimit = await ScrapeAsync();
        AssertMoved(afterSuccess, afterLimit, 1, "authplatform_requests_refused_total", "limit=\"credential_rate\"");
        AssertMoved(afterSuccess, afterLimit, 0, "authplatform_sign_ins_total");

        // A token, then sign-out, then the signed-out token and a garbage one presented.
        using (var token = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Authorization", "Bearer " + sessionToken } } })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(token)).StatusCode);
        }

        var afterToken = await ScrapeAsync();
        AssertMoved(afterLimit, afterToken, 1, "authplatform_tokens_issued_total");

        // The session is now in this instance's cache: two more reads are two hits, and no miss.
        await GetLiveSessionAsync(api, sessionToken);
        await GetLiveSessionAsync(api, sessionToken);
        var afterCachedReads = await ScrapeAsync();
        AssertMoved(afterToken, afterCachedReads, 2, "authplatform_session_cache_lookups_total", "result=\"hit\"");
        AssertMoved(afterToken, afterCachedReads, 0, "authplatform_session_cache_lookups_total", "result=\"miss\"");
        afterToken = afterCachedReads;

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Headers = { { "Authorization", "Bearer " + sessionToken } } })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(signOut)).StatusCode);
        }

        var afterSignOut = await ScrapeAsync();
        AssertMoved(afterToken, afterSignOut, 1, "authplatform_sessions_ended_total", "reason=\"signed_out\"");

        await GetSessionAsync(api, sessionToken);
        await GetSessionAsync(api, "garbage");
        await GetSessionAsync(api, "garbage-again");
        var afterRejections = await ScrapeAsync();
        AssertMoved(afterSignOut, afterRejections, 1, "authplatform_credential_rejections_total", "reason=\"revoked\"");
        AssertMoved(afterSignOut, afterRejections, 2, "authplatform_credential_rejections_total", "reason=\"bad_format\"");
        AssertMoved(afterSignOut, afterRejections, 3, "authplatform_credential_rejections_total");

        // Npgsql's own pool metrics are exported alongside.
        Assert.Contains(afterRejections.SampleNames, n => n.StartsWith("db_client_connection", StringComparison.Ordinal));

        var exported = afterRejections.SampleNames;
        var queried = DashboardMetrics();
        output.WriteLine($"dashboard queries {queried.Count} metrics: {string.Join(", ", queried)}");
        Assert.True(queried.Count >= 8, "the dashboard's queries were not found");
        // Those exported only once an administrator or a webhook has acted are checked by AdminMetricsTests.
        var missing = queried.Where(m => !exported.Contains(m) && !AdminMetricsTests.Metrics.Contains(m)).ToList();
        Assert.True(missing.Count == 0, $"the dashboard queries metrics the service does not export: {string.Join(", ", missing)}\nexported: {string.Join(", ", exported.Order())}");
    }

    [Fact]
    public async Task On_the_services_own_port_the_scrape_needs_the_token()
    {
        const string Token = "scrape-token-0123456789-abcdefghijklmnop";
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var (service, baseUrl) = await StartAsync(database, new Dictionary<string, string?>
        {
            ["Telemetry__Prometheus__Enabled"] = "true",
            ["Telemetry__Prometheus__Token"] = Token,
        });
        await using var running = service;
        using var client = Client(baseUrl);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Scraped", email = "scraped@example.com", password = Password })).StatusCode);

        var anonymous = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("authplatform_", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer " + Token[..^1] + "X" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer " + Token } } };
        var response = await client.SendAsync(scrape);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, new PrometheusScrape(await response.Content.ReadAsStringAsync()).Value("authplatform_sessions_created_total"));
    }

    internal static async Task<(ServiceProcess Service, string BaseUrl)> StartAsync(TestDatabase database, Dictionary<string, string?> telemetry)
    {
        var baseUrl = $"http://127.0.0.1:{PostgresCluster.FreePort()}";
        var environment = new Dictionary<string, string?>(telemetry)
        {
            ["DATABASE_URL"] = database.ConnectionString,
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = baseUrl,
            ["AUTH_LOG_FORMAT"] = "json",
            ["ASPNETCORE_URLS"] = baseUrl,
        };
        var service = ServiceProcess.Start(environment);
        try
        {
            await service.WaitUntilReadyAsync(baseUrl + "/health/ready", TimeSpan.FromSeconds(90));
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return (service, baseUrl);
    }

    /// <summary>A client that keeps no cookies: the flows send bearer tokens, as an API client does.</summary>
    internal static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every metric name in the PromQL expressions of docs/grafana-dashboard.json.</summary>
    public static IReadOnlyList<string> DashboardMetrics()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "docs", "grafana-dashboard.json")))!;
        var expressions = json["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => t!["expr"]!.GetValue<string>());
        return expressions.SelectMany(e => MetricName().Matches(GroupingLabels().Replace(e, string.Empty)).Select(m => m.Value)).Distinct().Order().ToList();
    }

    // "by (db_client_connection_state)": label names, not metrics.
    [GeneratedRegex(@"\b(?:by|without)\s*\([^)]*\)")]
    private static partial Regex GroupingLabels();

    // Metric names as the service's exporter writes them: authplatform_*, db_client_*, http_server_*, aspnetcore_*.
    [GeneratedRegex(@"\b(?:authplatform|db_client|http_server|aspnetcore|kestrel)_[a-z_]+\b")]
    private static partial Regex MetricName();

    internal static void AssertMoved(PrometheusScrape before, PrometheusScrape after, double expected, string name, params string[] labels)
    {
        var moved = after.Value(name, labels) - before.Value(name, labels);
        Assert.True(moved == expected, $"{name}{{{string.Join(',', labels)}}} moved by {moved}, expected {expected}\n{after.Text}");
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient api, string email, string password) =>
        api.PostAsJsonAsync("/api/auth/sign-in/email", new { email, password });

    private static async Task GetLiveSessionAsync(HttpClient api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Authorization", "Bearer " + token } } };
        using var response = await api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains("\"user\"", StringComparison.Ordinal), $"{(int)response.StatusCode}: {body}");
    }

    private static async Task GetSessionAsync(HttpClient api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Authorization", "Bearer " + token } } };
        using var response = await api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("\"user\"", body, StringComparison.Ordinal); // no session for this token
    }
}
