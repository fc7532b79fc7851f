using AuthPlatform.WebApi.Routing;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace AuthPlatform.WebApi.Logging;

/// <summary>
/// Serilog: JSON lines in production (one query finds every rejection reason), readable text in
/// development. Framework chatter is kept at Warning; secrets are redacted by
/// <see cref="RedactingDestructuringPolicy"/> should anything try to log them.
/// </summary>
public static class LoggingSetup
{
    public static void AddServiceLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"]
            ?? (builder.Environment.IsDevelopment() ? "text" : "json");

        // Operator commands log to stderr, so their stdout holds only their own output (e.g. doctor --json).
        LogEventLevel? stderrFrom = string.Equals(builder.Configuration["Logging:Console"], "stderr", StringComparison.OrdinalIgnoreCase)
            ? LogEventLevel.Verbose : null;
        builder.Services.AddHttpContextAccessor(); // for RequestPathEnricher
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("System", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services) // sinks registered in DI (tests capture events this way)
                .Filter.ByExcluding(MigrationHistoryProbeFilter.IsHistoryProbe)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", "authplatform")
                .Enrich.With(new RequestPathEnricher(services.GetRequiredService<IHttpContextAccessor>()))
                .Destructure.With<RedactingDestructuringPolicy>();
            if (string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    standardErrorFromLevel: stderrFrom);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: stderrFrom);
            }
        });
    }

    /// <summary>
    /// One line per request: method, path (never the query string), status, time, correlation id.
    /// Successful reads (GET/HEAD answered below 400: get-session, token, jwks, health) are logged at
    /// Debug: at thousands of session checks a second the line per request would cost more CPU than the
    /// check itself. Writes, refusals (4xx) and failures (5xx, at Error) stay at Information or above,
    /// and every rejected credential has its own line with its reason (docs/operations.md, "Logs").
    /// </summary>
    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Response.StatusCode < 400 && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            // The path as AuthRouteRules.LoggedPath shows it: a secret in a route's path (a reset token) never reaches a log.
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(AuthRouteRules.LoggedPath(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("CorrelationId", context.TraceIdentifier);
                diagnostics.Set("ClientIp", context.Connection.RemoteIpAddress?.ToString());
            };
        });
}
