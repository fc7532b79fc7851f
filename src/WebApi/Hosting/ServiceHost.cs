using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Doctor;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Logging;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.OperatorConsole;
using AuthPlatform.WebApi.Telemetry;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace AuthPlatform.WebApi.Hosting;

/// <summary>
/// Builds and runs the HTTP service. The request pipeline is in <see cref="UsePipeline"/>, in the order
/// a request meets it; controllers in Controllers/ send one Mediator message each.
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddEnvironmentAliases(builder.Configuration);
        builder.AddServiceLogging();
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        builder.AddWebApi();
        builder.Services.AddHttpDoctorChecks();

        builder.AddTelemetry(); // Telemetry/TelemetrySetup.cs: OTLP and Prometheus, each only when configured

        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        var exitCode = await StartupChecks.RunAsync(app, app.Lifetime.ApplicationStopping);
        if (exitCode != 0)
        {
            return exitCode;
        }

        await app.RunAsync();
        return 0;
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseMetricsEndpoint(); // first: a scrape is neither rate limited, logged nor counted in flight
        app.UseMiddleware<InFlightRequests>(); // counted for the shutdown log (Hosting/GracefulShutdown.cs)
        app.UseTrustedProxyHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseRouting(); // from here on every middleware reads the route's declared rules (Routing/AuthRouteRules.cs)
        app.UseMiddleware<NoStoreForAuthRoutes>();
        app.UseRequestProtection();
        app.UseMiddleware<RequestBodyPolicy>();
        app.UseAuthentication(); // Authentication/SessionAuthenticationHandler.cs: the one reader of the session credential
        app.UseAuthorization(); // [Authorize] routes without a live session: 401 here
        app.MapControllers();
        app.MapApiDocument(); // OpenApi/ApiDocument.cs: /openapi/v1.json, and /scalar in Development
        app.MapOperatorConsole(); // OperatorConsole/ConsoleEndpoints.cs: /console/, 404 unless Auth:Console:Enabled
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapGet("/health/ready", (HttpContext context, Readiness readiness) => readiness.WriteAsync(context)); // cached a second; Hosting/Readiness.cs
    }

    /// <summary>
    /// AUTH_SECRET, DATABASE_URL, BETTER_AUTH_URL, ... mapped onto configuration keys, placed just below
    /// the standard environment variables so Auth__Secret style variables still win.
    /// </summary>
    private static void AddEnvironmentAliases(ConfigurationManager configuration)
    {
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = EnvironmentVariables.Read(Environment.GetEnvironmentVariable),
        };
        // The unprefixed source, which comes after appsettings*.json; the DOTNET_-prefixed one comes before
        // them, and placing the aliases there would let appsettings.json override AUTH_COOKIE_MODE & co.
        var index = configuration.Sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (index < 0)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(index, source);
        }
    }
}
