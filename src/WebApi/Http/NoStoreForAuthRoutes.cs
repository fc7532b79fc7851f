using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// Every auth response (errors included) says Cache-Control: no-store, so no shared cache keeps a
/// session or a token. Set when the response starts, so a reset response (error handler) keeps it;
/// routes that are meant to be cached (the JWKS) set their own Cache-Control, which wins.
/// </summary>
public sealed class NoStoreForAuthRoutes(RequestDelegate next, IOptions<AuthOptions> options)
{
    private readonly PathString _basePath = new(options.Value.BasePath);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(_basePath))
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (!response.Headers.ContainsKey("Cache-Control"))
                {
                    response.Headers.CacheControl = "no-store";
                    response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }
}
