using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.SigningKeys;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Hosting;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.OperatorConsole;
using AuthPlatform.WebApi.Routing;
using AuthPlatform.WebApi.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HTTP layer: controllers and JSON, cookies and credentials, errors, health checks.</summary>
public static class WebApiDependencyInjection
{
    public static WebApplicationBuilder AddWebApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CookieSettings>().BindConfiguration(CookieSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CookieSettings>, CookieSettingsValidator>();
        services.AddSingleton<SessionTokenSigner>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuthPlatform.Application.Common.Interfaces.IAuditOrigin, AuthPlatform.WebApi.Audit.HttpAuditOrigin>();
        services.AddSingleton<AuthPlatform.Application.Common.Interfaces.IServiceUrls, AuthPlatform.WebApi.Routing.ServiceUrls>();
        services.AddSingleton<SessionCookies>();
        services.AddOptions<SessionCookieCacheOptions>().BindConfiguration(SessionCookieCacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionCookieCacheOptions>, SessionCookieCacheOptionsValidator>();
        services.AddSingleton<SessionDataCookie>();
        services.AddSingleton<CredentialReader>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        services.AddSingleton<FlowCookies>();
        services.AddSingleton<AdminSessionCookie>();
        services.AddSingleton<SignInCookieWriter>();
        services.AddSingleton<JwksResponder>();
        services.AddSingleton<SessionJwtHeader>();

        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, AuthBasePathConvention.Setup>();
        services.AddControllers(options =>
            {
                // get-session answers JSON null for "no session"; without this MVC would send 204.
                options.OutputFormatters.RemoveType<HttpNoContentOutputFormatter>();
                options.Filters.Add<AdminRouteFilter>(); // administration routes: [AuthRoute(Admin = ...)], before any other proof
                options.Filters.Add<SensitiveActionFilter>(); // sensitive routes: [AuthRoute(Needs = ...)]
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.Converters.Add(new UtcTimestampConverter());
                json.JsonSerializerOptions.AllowDuplicateProperties = false;
            })
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidRequestResponse.Create);

        services.AddApiDocument();
        services.AddOperatorConsole(); // OperatorConsole/: the console's pages and Auth:Console
        services.AddSecurityHardening(); // before ServiceFailureHandler: its busy handler must run first
        services.AddExceptionHandler<ServiceFailureHandler>();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SigningKeyHealthCheck>("signing_keys", tags: ["ready"]);
        services.AddSingleton<AuthPlatform.WebApi.Hosting.Readiness>();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestBodyPolicy.MaxBodyBytes; // the body policy's limit, enforced by the server too
        });
        builder.AddGracefulShutdown();
        return builder;
    }
}
