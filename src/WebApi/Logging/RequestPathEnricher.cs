using AuthPlatform.WebApi.Routing;
using Serilog.Core;
using Serilog.Events;

namespace AuthPlatform.WebApi.Logging;

/// <summary>
/// Sets RequestPath on every event written during a request to the path as <see cref="AuthRouteRules.LoggedPath"/>
/// shows it. ASP.NET Core's hosting log scope carries the raw path into every event logged through
/// Microsoft.Extensions.Logging; on a route with a secret in its path (a reset token) that would put the
/// secret in each line, so the scope's value is overwritten here whichever is added first.
/// </summary>
public sealed class RequestPathEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (accessor.HttpContext is { } context)
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(AuthRouteRules.LoggedPath(context))));
        }
    }
}
