using System.Diagnostics;
using System.Net;
using AuthPlatform.Domain.Verification;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Core;

namespace AuthPlatform.WebApi.HttpTests.Telemetry;

/// <summary>
/// GET /reset-password/:token carries a live token in its path: the request log lines (a redirect, a 403, a
/// 429) and the trace's url.path show the route with *** in its place, never the token.
/// </summary>
[Trait("Tier", "fast")]
public sealed class ResetLinkRedactionTests(TestDatabase database) : IAsyncLifetime
{
    private const string RedactedPath = "/api/auth/reset-password/***";

    private readonly List<Activity> _spans = [];
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString)
        {
            TestServices = services =>
            {
                services.AddOpenTelemetry().WithTracing(tracing => tracing.AddServiceTracing().AddInMemoryExporter(_spans));
                services.AddSingleton<ILogEventSink>(_logs);
            },
        };
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Debug";
        _factory.Settings["Serilog:MinimumLevel:Override:AuthPlatform"] = "Debug";
        _factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Debug";
        _factory.Settings["Auth:RateLimits:PermitLimit"] = "2"; // the third request below is 429
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_token_in_the_path_reaches_neither_the_logs_nor_the_traces()
    {
        var client = _factory.CreatePlainClient();
        var token = OneTimeToken.Generate().Value;

        var forwarded = await client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=%2Freset-password");
        var refused = await client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=https%3A%2F%2Fevil.example%2F");
        var limited = await client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=%2Freset-password");
        Assert.Equal(HttpStatusCode.Found, forwarded.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // Server spans end after their response is written; wait for all three.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Activity> server;
        while ((server = Snapshot().Where(s => s.Kind == ActivityKind.Server).ToList()).Count < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{server.Count} of 3 server spans exported");
            await Task.Delay(50);
        }

        Assert.All(server, s => Assert.Equal(RedactedPath, s.GetTagItem("url.path")));
        var attributes = string.Join('\n', Snapshot().SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")).Append(string.Join('\n', Snapshot().Select(s => s.DisplayName))));
        Assert.DoesNotContain(token, attributes, StringComparison.Ordinal);

        var requestLines = _logs.Events.Where(e => e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed")).ToList();
        Assert.Equal(3, requestLines.Count);
        Assert.All(requestLines, e => Assert.Equal($"\"{RedactedPath}\"", e.Properties["RequestPath"].ToString()));
        Assert.Contains(_logs.Events, e => e.MessageTemplate.Text.StartsWith("Rate limit reached", StringComparison.Ordinal));
        Assert.DoesNotContain(token, _logs.AllText, StringComparison.Ordinal);
    }

    private List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }
}
