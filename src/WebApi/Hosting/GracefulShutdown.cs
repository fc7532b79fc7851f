using AuthPlatform.WebApi.Http;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Hosting;

/// <summary>
/// SIGTERM handling. The host already does the work (Kestrel closes its listeners at once, lets requests
/// in flight finish, then the process exits 0); this sets how long it waits (<see cref="ShutdownOptions"/>)
/// and logs what happened, so an operator can tell a clean drain from requests cut off.
/// </summary>
public static partial class GracefulShutdown
{
    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.ShutdownTimeoutSeconds));
        services.AddSingleton<InFlightRequestCounter>();
        services.AddHostedService<ShutdownReporter>();
        return builder;
    }

    private sealed partial class ShutdownReporter(
        IHostApplicationLifetime lifetime,
        InFlightRequestCounter inFlight,
        IOptions<ShutdownOptions> options,
        ILogger<ShutdownReporter> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopping.Register(() => Stopping(logger, inFlight.Count, options.Value.ShutdownTimeoutSeconds));
            lifetime.ApplicationStopped.Register(() =>
            {
                var unfinished = inFlight.Count + inFlight.CutOffDuringShutdown;
                if (unfinished > 0)
                {
                    StoppedWithUnfinished(logger, unfinished, options.Value.ShutdownTimeoutSeconds);
                }
                else
                {
                    Stopped(logger);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
            Message = "Shutting down: no new connections accepted; {InFlight} request(s) in flight, waiting up to {TimeoutSeconds} s for them")]
        private static partial void Stopping(ILogger logger, int inFlight, int timeoutSeconds);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Shut down cleanly: every request in flight finished")]
        private static partial void Stopped(ILogger logger);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
            Message = "Shut down with {Unfinished} request(s) unfinished after the {TimeoutSeconds} s shutdown timeout; raise AUTH_SHUTDOWN_TIMEOUT if this repeats")]
        private static partial void StoppedWithUnfinished(ILogger logger, int unfinished, int timeoutSeconds);
    }
}
