using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Infrastructure.Persistence.Audit;

/// <summary>
/// Runs <see cref="AuditChain.SealAsync"/> every second on every instance (only one seals at a time). A failure is
/// logged and retried at the next tick: unsealed events wait, none is lost.
/// </summary>
public sealed partial class AuditChainSealer(AuditChain chain, ILogger<AuditChainSealer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A full batch means more are waiting: keep going before the next tick.
                while (await chain.SealAsync(stoppingToken) is AuditChain.BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SealFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 4710, Level = LogLevel.Warning, Message = "Sealing the audit trail failed ({ExceptionType}); retrying at the next tick")]
    private static partial void SealFailed(ILogger logger, string exceptionType);
}
