using System.Net.Http.Json;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Every rejected credential is logged with a precise reason; no password or token ever is.</summary>
[Trait("Tier", "fast")]
public sealed class LoggingTests(TestDatabase database) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString)
        {
            UseFakeClock = true,
            TestServices = services => services.AddSingleton<ILogEventSink>(_logs),
        };
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
        // Debug: successful reads (GET /ok below) log their request line at Debug (docs/operations.md).
        _factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Debug";
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_rejection_carries_its_reason_code()
    {
        var client = _factory.CreatePlainClient();
        var revoked = await client.SignUpAsync("revoked@example.com");
        var expired = await client.SignUpAsync("expired@example.com");
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Headers = { { "Authorization", "Bearer " + revoked.Token } } });

        await client.GetSessionWithBearerAsync(revoked.Token);
        await client.GetSessionAsync("better-auth.session_token=garbage");
        await client.GetSessionWithBearerAsync(Domain.Sessions.SessionToken.Generate().Value);
        var forged = Uri.UnescapeDataString(expired.Cookie.Split('=', 2)[1]).Split('.')[0] + "." + Convert.ToBase64String(new byte[32]);
        await client.GetSessionAsync("better-auth.session_token=" + Uri.EscapeDataString(forged));
        _factory.Clock.Advance(TimeSpan.FromDays(8));
        await client.GetSessionAsync(expired.Cookie);

        Assert.Equal(["bad_format", "bad_signature", "expired", "revoked", "unknown_token"], _logs.RejectionReasons.Distinct().Order());
    }

    [Fact]
    public async Task No_password_or_token_reaches_the_logs()
    {
        const string password = "never-log-this-password";
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync(password: password);
        await client.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "ann@example.com", password = "wrong-" + password });
        await client.GetSessionAsync(session.Cookie);
        await client.GetSessionWithBearerAsync(session.Token);

        var text = _logs.AllText;
        Assert.NotEmpty(_logs.Events);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_logged_with_a_correlation_id_that_the_response_echoes()
    {
        var client = _factory.CreatePlainClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/ok") { Headers = { { "X-Request-Id", "req-12345" } } };

        var response = await client.SendAsync(request);

        Assert.Equal("req-12345", response.Header("X-Request-Id"));
        Assert.Contains(_logs.Events, e => e.Properties.TryGetValue("CorrelationId", out var id) && id.ToString() == "\"req-12345\"" && e.Properties.ContainsKey("StatusCode"));
    }
}
