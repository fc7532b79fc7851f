using Serilog.Context;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// Gives every request an id: the caller's X-Request-Id when it is sane, else a fresh one. It is echoed
/// in the response, attached to every log line (CorrelationId) and returned as traceId in problems,
/// so a user's error report leads straight to the logs.
/// </summary>
public sealed class CorrelationId(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        var id = IsSane(given) ? given : context.TraceIdentifier;
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
