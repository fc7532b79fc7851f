using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Diagnostics;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// The last line for exceptions. A store failure (database down, pool exhausted, timeout) is a 503 with
/// Retry-After and code SERVICE_UNAVAILABLE: never a 401, never "no session", never a cleared cookie
/// (the response is reset before this runs). Anything else is a bug: logged, answered 500.
/// </summary>
public sealed partial class ServiceFailureHandler(IStoreFailureClassifier classifier, ILogger<ServiceFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            await ProblemWriter.WriteAsync(httpContext, badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? HttpErrors.BodyTooLarge : HttpErrors.BadRequest);
            return true;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is listening for an answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        if (classifier.IsStoreUnavailable(exception))
        {
            StoreUnavailable(logger, AuthRouteRules.LoggedPath(httpContext), Innermost(exception).GetType().Name, Chain(exception));
            await ProblemWriter.WriteAsync(httpContext, HttpErrors.StoreUnavailable);
            return true;
        }

        Unhandled(logger, exception, AuthRouteRules.LoggedPath(httpContext));
        await ProblemWriter.WriteAsync(httpContext, HttpErrors.Unexpected);
        return true;
    }

    /// <summary>
    /// Every message from the outermost to the innermost exception: the outer one says what failed
    /// ("The connection pool has been exhausted", "Failed to connect to ..."), the inner one why.
    /// </summary>
    private static string Chain(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add($"{current.GetType().Name}: {current.Message}");
        }

        return string.Join(" <- ", messages.Distinct());
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning, Message = "Store unavailable on {RequestPath}: {ExceptionType} ({ExceptionMessage}); answered 503")]
    private static partial void StoreUnavailable(ILogger logger, string requestPath, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception on {RequestPath}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string requestPath);
}
