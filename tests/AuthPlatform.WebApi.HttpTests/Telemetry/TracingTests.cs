using System.Diagnostics;
using System.Net;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Core;

namespace AuthPlatform.WebApi.HttpTests.Telemetry;

/// <summary>
/// One sign-in, traced with the service's own tracing setup into an in-memory exporter: the HTTP span
/// is the parent of the handler span, which is the parent of the database spans; the log lines of the
/// request carry its trace id; no span carries the password, the email or the token.
/// </summary>
[Trait("Tier", "fast")]
public sealed class TracingTests(TestDatabase database) : IAsyncLifetime
{
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
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_sign_in_is_an_http_span_over_a_handler_span_over_database_spans()
    {
        var client = _factory.CreatePlainClient();
        var account = await client.SignUpAsync("traced@example.com");
        lock (_spans)
        {
            _spans.Clear();
        }

        _logs.Clear();
        var signIn = await client.SignInAsync("traced@example.com");
        Assert.Equal(HttpStatusCode.OK, signIn.Response.StatusCode);

        // The server span ends after the response is written; wait for it to be exported.
        Activity http = null!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((http = Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("sign-in", StringComparison.Ordinal))!) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no HTTP span for the sign-in: " + Describe(Snapshot()));
            await Task.Delay(50);
        }

        var spans = Snapshot().Where(s => s.TraceId == http.TraceId).ToList();
        var handler = Assert.Single(spans, s => s.Source.Name == HandlerTracing.SourceName);
        Assert.Equal("SignInCommand", handler.DisplayName);
        Assert.Equal(http.SpanId, handler.ParentSpanId);
        Assert.Equal("success", handler.GetTagItem("authplatform.outcome"));

        // The handler's own queries are its children; the shared credential rate limit is counted in the
        // database before the handler runs, so its one query is a child of the HTTP span. No database span
        // of this request belongs to anything else.
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        var handlerQueries = database.Where(s => s.ParentSpanId == handler.SpanId).ToList();
        Assert.True(handlerQueries.Count >= 2, "expected the account lookup and the session insert as database spans under the handler: " + Describe(spans));
        Assert.All(database, s => Assert.Contains(s.ParentSpanId, new[] { handler.SpanId, http.SpanId }));
        Assert.All(database, s => Assert.Equal(ActivityKind.Client, s.Kind));

        // Log lines written while handling the request carry its trace id.
        var handled = Assert.Single(_logs.Events, e => e.MessageTemplate.Text.StartsWith("{MessageName} handled", StringComparison.Ordinal) && e.Properties["MessageName"].ToString() == "\"SignInCommand\"");
        Assert.Equal(http.TraceId, handled.TraceId);

        // Nothing secret in any attribute: not the password, the email, the session token or the cookie.
        var attributes = string.Join('\n', spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")));
        foreach (var secret in new[] { AuthApi.Password, "traced@example.com", account.Token, signIn.Token })
        {
            Assert.DoesNotContain(secret, attributes, StringComparison.Ordinal);
        }
    }

    private List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join("; ", spans.Select(s => $"{s.Source.Name}:{s.DisplayName} {s.SpanId}<-{s.ParentSpanId}"));
}
