using AuthPlatform.WebApi.Routing;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// Every auth response (errors included) says Cache-Control: no-store, so no shared cache keeps a
/// session or a token: every route of an [AuthApi] controller, and every request that matched no route. Set when the response starts, so a reset response (error handler) keeps it;
/// routes that are meant to be cached (the JWKS) set their own Cache-Control, which wins.
/// </summary>
public sealed class NoStoreForAuthRoutes(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (AuthRouteRules.Of(context).IsAuthRoute)
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
