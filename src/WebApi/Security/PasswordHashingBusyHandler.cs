using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Diagnostics;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Every password-hashing worker is busy and the queue is full: 503 SERVICE_UNAVAILABLE with Retry-After,
/// at once. 503, not 429: it is the service that is saturated, not this client that misbehaved. Runs before
/// the general failure handler, which would call it a bug.
/// </summary>
public sealed partial class PasswordHashingBusyHandler(ILogger<PasswordHashingBusyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PasswordHashingBusyException)
        {
            return false;
        }

        Busy(logger, AuthRouteRules.LoggedPath(httpContext));
        await ProblemWriter.WriteAsync(httpContext, HttpErrors.PasswordHashingBusy);
        return true;
    }

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Password hashing queue full on {RequestPath}; answered 503")]
    private static partial void Busy(ILogger logger, string requestPath);
}
