using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.OperatorConsole;

/// <summary>
/// The operator console (docs/adr/0143-operator-console.md): static pages under /console/ that call the admin API on
/// the service's own origin with the session cookie, as any frontend does. Nothing here reads a session or answers
/// data; with <see cref="ConsoleOptions.Enabled"/> off every path under /console is 404.
/// </summary>
public static class ConsoleEndpoints
{
    public const string Path = "/console";

    /// <summary>
    /// Scripts, styles and requests from the service's own origin only, no inline script or style, no frames, no
    /// forms posted elsewhere. The security headers middleware keeps a policy an endpoint chose.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddSingleton(provider => new ConsoleAssets(provider.GetRequiredService<IOptions<AuthOptions>>().Value.BasePath));
        return services;
    }

    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        // One endpoint: "/console", "/console/" and "/console/{file}" all match it (the catch-all may be empty).
        app.MapGet(Path + "/{*file}", (string? file, HttpContext context, IOptions<ConsoleOptions> options, ConsoleAssets assets) =>
            {
                if (!options.Value.Enabled)
                {
                    return Results.NotFound();
                }

                if (context.Request.Path.Value is { } path && !path.EndsWith('/') && string.IsNullOrEmpty(file))
                {
                    return Results.Redirect(Path + "/"); // the page's relative links resolve under /console/
                }

                if (assets.Find(file) is not { } asset)
                {
                    return Results.NotFound();
                }

                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.CacheControl = "no-cache";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Results.Bytes(asset.Content, asset.ContentType);
            })
            .ExcludeFromDescription();
        return app;
    }
}
