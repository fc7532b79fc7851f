using System.Net;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The request line is Debug for successful reads (the hot paths: get-session, token, jwks, health) and
/// stays Information for writes and refusals, Error for failures (docs/operations.md, "Logs").
/// </summary>
[Trait("Tier", "fast")]
public sealed class RequestLogLevelTests(TestDatabase database) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString) { TestServices = services => services.AddSingleton<ILogEventSink>(_logs) };
        _factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Debug";
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Successful_reads_are_debug_writes_and_refusals_information()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetSessionAsync(session.Cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/jwks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/list-sessions")).StatusCode);

        Assert.Equal(LogEventLevel.Information, RequestLine("POST", "/api/auth/sign-up/email").Level);
        Assert.Equal(LogEventLevel.Debug, RequestLine("GET", "/api/auth/get-session").Level);
        Assert.Equal(LogEventLevel.Debug, RequestLine("GET", "/api/auth/jwks").Level);
        Assert.Equal(LogEventLevel.Information, RequestLine("GET", "/api/auth/list-sessions").Level);
    }

    private LogEvent RequestLine(string method, string path) =>
        _logs.Events.Single(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties["RequestMethod"].ToString() == $"\"{method}\"" && e.Properties["RequestPath"].ToString() == $"\"{path}\"");
}
