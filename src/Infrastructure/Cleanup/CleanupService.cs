using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>Runs <see cref="DatabaseCleanup"/> every Auth:Cleanup:Interval on every instance (the lock lets one at a time work).</summary>
public sealed partial class CleanupService(DatabaseCleanup cleanup, IOptions<CleanupOptions> options, ILogger<CleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cleanup.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A database outage: the next run tries again; nothing here is urgent.
                Failed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Cleanup run failed ({ErrorType}); the next run tries again")]
    private static partial void Failed(ILogger logger, string errorType);
}
