using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Headers every response carries, errors included (set when the response starts, so a response reset by
/// the exception handler keeps them). The service answers JSON only, so nothing may render, frame or sniff it.
/// Auth routes also say <c>Vary: Origin</c>, because their CORS headers depend on it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<AuthOptions> options)
{
    private readonly PathString _basePath = new(options.Value.BasePath);
    private readonly bool _https = Uri.TryCreate(options.Value.BaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme == Uri.UriSchemeHttps;

    public Task InvokeAsync(HttpContext context)
    {
        var authRoute = context.Request.Path.StartsWithSegments(_basePath);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy))
            {
                // Only the Development API reference page (OpenApi/ApiDocument.cs) and the operator console
                // (OperatorConsole/ConsoleEndpoints.cs) set a policy of their own.
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            if (_https)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            if (authRoute && !headers.Vary.Any(v => v?.Contains("Origin", StringComparison.OrdinalIgnoreCase) == true))
            {
                headers.Append("Vary", "Origin");
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
