using System.Diagnostics;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Application.Common.Behaviours;

/// <summary>
/// Logs every message: its type name, its outcome (success or error code) and how long it took.
/// It never logs the message itself, which may carry a password or a token.
/// Commands log at Information; queries, which run on every page view, at Debug.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;
    private static readonly LogLevel SuccessLevel = IsQuery() ? LogLevel.Debug : LogLevel.Information;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is IOperationResult { IsSuccess: false, Error: { } error })
            {
                Handled(logger, LogLevel.Information, MessageName, error.Code, elapsed);
            }
            else if (logger.IsEnabled(SuccessLevel))
            {
                Handled(logger, SuccessLevel, MessageName, "success", elapsed);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Handled(logger, LogLevel.Debug, MessageName, "cancelled", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex)
        {
            Failed(logger, MessageName, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private static bool IsQuery() => typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage));

    [LoggerMessage(EventId = 2001, Message = "{MessageName} handled: {Outcome} in {ElapsedMs:0.0} ms")]
    private static partial void Handled(ILogger logger, LogLevel level, string messageName, string outcome, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{MessageName} failed: {ExceptionType} after {ElapsedMs:0.0} ms")]
    private static partial void Failed(ILogger logger, string messageName, string exceptionType, double elapsedMs);
}
