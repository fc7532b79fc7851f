using AuthPlatform.Application.Common.Models;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.WebApi.Controllers;

internal static class RequestContext
{
    /// <summary>The caller's address (after trusted-proxy processing) and user agent, for the session record.</summary>
    public static ClientInfo ClientOf(HttpContext context)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new ClientInfo(
            context.Connection.RemoteIpAddress?.ToString(),
            userAgent.Length == 0 ? null : userAgent.Length > Session.MaxUserAgentLength ? userAgent[..Session.MaxUserAgentLength] : userAgent);
    }
}
