using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AuthPlatform.WebApi.Telemetry;

/// <summary>
/// OpenTelemetry for the service: the metrics of <see cref="AuthMetrics"/>, ASP.NET Core's and Npgsql's;
/// traces through ASP.NET Core, the Mediator pipeline (<see cref="HandlerTracing"/>) and Npgsql. Exported
/// over OTLP and/or a Prometheus scrape endpoint, each only when configured (<see cref="TelemetryOptions"/>).
/// Log lines carry the trace id of the request they belong to (Serilog takes it from Activity.Current).
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "authplatform";

    /// <summary>Request paths never traced: probes and the scrape itself would drown the traces that matter.</summary>
    private static readonly string[] UntracedPaths = ["/health", "/metrics"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();

        // Read here too, because which pipelines exist is decided while the host is built; the validator
        // above lists every problem at start-up, so an invalid value only has to be harmless here.
        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(settings.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        var prometheus = settings.Prometheus.Enabled;
        if (otlp is null && !prometheus)
        {
            return builder; // nothing to export to: no listener, and the instruments cost next to nothing
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddServiceMetrics();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Point(o, otlp, settings.OtlpProtocol, "v1/metrics"));
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0); // every scrape sees the counts of that moment
                }
            });
        if (otlp is not null && settings.Traces)
        {
            telemetry.WithTracing(tracing => tracing.AddServiceTracing().AddOtlpExporter(o => Point(o, otlp, settings.OtlpProtocol, "v1/traces")));
        }

        if (prometheus && settings.Prometheus.Port is { } port and >= 1 and <= 65535)
        {
            ListenAlsoOn(builder, port);
        }

        return builder;
    }

    /// <summary>The service's meters: its own (<see cref="AuthMetrics"/>), ASP.NET Core's (requests, rate limiting, Kestrel) and Npgsql's pool.</summary>
    public static MeterProviderBuilder AddServiceMetrics(this MeterProviderBuilder metrics) => metrics
        .AddMeter(AuthMetrics.MeterName)
        .AddAspNetCoreInstrumentation()
        .AddMeter("Microsoft.AspNetCore.RateLimiting")
        .AddNpgsqlInstrumentation();

    /// <summary>The service's spans: HTTP requests (server), one per Mediator handler, one per database command.</summary>
    public static TracerProviderBuilder AddServiceTracing(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(aspnet =>
        {
            aspnet.Filter = context => !UntracedPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
            aspnet.RecordException = false; // an exception message may quote input; the status and type are enough

            // url.path is recorded when the request starts, before routing; once the route is known, a secret in
            // its path (a reset token) is replaced (AuthRouteRules.LoggedPath).
            aspnet.EnrichWithHttpResponse = (activity, response) => activity.SetTag("url.path", AuthRouteRules.LoggedPath(response.HttpContext));
        })
        .AddSource(HandlerTracing.SourceName)
        .AddNpgsql();

    /// <summary>
    /// The scrape endpoint, first in the pipeline: on its own port nothing else is served there, and on
    /// the service's port it answers only a scraper that sends the configured token.
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (!settings.Enabled || app.Services.GetService<MeterProvider>() is null)
        {
            // (No meter provider: the settings arrived after the host was built, as a test host's can.)
            return;
        }

        var path = new PathString(settings.Path);
        if (settings.Port is { } port)
        {
            app.Use((context, next) => context.Connection.LocalPort == port && !context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                ? Results.NotFound().ExecuteAsync(context)
                : next(context));
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null,
                predicate: context => context.Connection.LocalPort == port && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase),
                path: null,
                configureBranchedPipeline: null,
                optionsName: null);
            return;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + settings.Token);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase),
            path: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                var presented = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (CryptographicOperations.FixedTimeEquals(presented, expected))
                {
                    return next(context);
                }

                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                return Results.Unauthorized().ExecuteAsync(context);
            }),
            optionsName: null);
    }

    private static void Point(OtlpExporterOptions options, Uri endpoint, string protocol, string signalPath)
    {
        if (protocol == "http/protobuf")
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint.ToString().TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
        }
    }

    /// <summary>
    /// Adds the scrape port to the addresses Kestrel listens on, keeping the configured ones (urls, or
    /// http_ports/https_ports as the container image sets them, or Kestrel's default).
    /// </summary>
    private static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrWhiteSpace(urls))
        {
            var ports = (builder.WebHost.GetSetting("http_ports") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}")
                .Concat((builder.WebHost.GetSetting("https_ports") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"https://*:{p}"));
            urls = string.Join(';', ports);
        }

        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = "http://localhost:5000";
        }

        builder.WebHost.UseUrls($"{urls};http://*:{port}");
    }
}
