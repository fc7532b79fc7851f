using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RotateSigningKeys;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// Keeps this instance's key ring current and rotates on schedule. At start-up it runs one rotation
/// (creating the first key of an empty ring, re-encrypting keys after a secret rotation) before the
/// service takes traffic. Then, every RefreshInterval, it asks the database whether the keys changed
/// (one cheap query) and reloads if so, and runs a rotation when the loaded keys say one is due.
/// Every instance does this; the rotation lock makes concurrent runs create one key.
/// </summary>
public sealed partial class SigningKeyMaintenance(
    SigningKeyRing ring,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JwtOptions> options,
    ILogger<SigningKeyMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(20);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StartupBudget);
        try
        {
            await RotateAsync("startup", budget.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database may be down at start-up; /token answers 503 and readiness says why until a later run succeeds.
            StartupFailed(logger, ex.GetType().Name, ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Keys.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                TickFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var rotate = ring.Status is not { HasActiveKey: true }
            || (options.Value.Keys.AutomaticRotation && ring.IsMaintenanceDue(clock.GetUtcNow()));
        if (rotate)
        {
            await RotateAsync("schedule", cancellationToken);
        }
        else if (await ring.HasChangedAsync(cancellationToken))
        {
            await ring.RefreshAsync(cancellationToken);
            if (ring.Status is not { HasActiveKey: true })
            {
                await RotateAsync("schedule", cancellationToken);
            }
        }
    }

    private async Task RotateAsync(string trigger, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RotateSigningKeysCommand(trigger), cancellationToken);
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Signing keys not ready at start-up: {ExceptionType}: {ExceptionMessage}; retrying in the background")]
    private static partial void StartupFailed(ILogger logger, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Signing key maintenance failed: {ExceptionType}: {ExceptionMessage}; retrying at the next interval")]
    private static partial void TickFailed(ILogger logger, string exceptionType, string exceptionMessage);
}
