using AuthPlatform.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Infrastructure.Webhooks;

/// <summary>
/// Runs a round of <see cref="WebhookDispatcher"/> every second on every instance, in a scope of its own (endpoints are
/// leased, so instances share the work without sending twice). A failure is logged and the round runs again.
/// </summary>
public sealed partial class WebhookDeliveryWorker(IServiceScopeFactory scopes, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RoundFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 4721, Level = LogLevel.Warning, Message = "A round of webhook deliveries failed ({ExceptionType}); the next round retries")]
    private static partial void RoundFailed(ILogger logger, string exceptionType);
}
