using AuthPlatform.Application.Common.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of every endpoint, published at GET /openapi/v1.json in every environment (it
/// holds no secret: it is the public contract), and Scalar's interactive reference at /scalar in
/// Development only. Responses come from the actions' [ProducesResponseType]/[ProducesProblem] attributes,
/// the middleware problems from <see cref="CommonProblemsConvention"/>, the health endpoints from
/// <see cref="HealthEndpointsTransformer"/>; where the wire says more than an attribute can (get-session's
/// null, sign-out's optional body), an operation transformer, and for a JWK's members per key type a schema
/// transformer.
/// </summary>
public static class ApiDocument
{
    public const string DocumentName = "v1";
    public const string DocumentPattern = "/openapi/{documentName}.json";
    public const string ReferencePath = "/scalar";

    // Scalar's page runs its bundled script with inline configuration; everything else stays 'none'.
    private const string ReferencePagePolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<MvcOptions>, CommonProblemsConvention.Setup>();
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, context, _) =>
            {
                var auth = context.ApplicationServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                document.Info = new OpenApiInfo
                {
                    Title = "AuthPlatform",
                    Version = DocumentName,
                    Description = "Email and password sessions (cookie or bearer) and JWTs for other services, on BetterAuth's HTTP contract. " +
                        "Every failure is problem+json with a `code` (UPPER_SNAKE) and a `message`.",
                };
                document.Servers = [new OpenApiServer { Url = auth.BaseOrigin }];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<HealthEndpointsTransformer>();
            options.AddOperationTransformer<NullableAnswerTransformer>();
            options.AddOperationTransformer<SignOutBodyTransformer>();
            options.AddSchemaTransformer<JsonWebKeySchemaTransformer>();
            options.AddDocumentTransformer<AnyJsonSchemaTransformer>();
        });
        return services;
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPattern);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(ReferencePath, options => options
                    .WithTitle("AuthPlatform API")
                    .WithOpenApiRoutePattern(DocumentPattern)
                    .DisableDefaultFonts())
                .AddEndpointFilter(async (context, next) =>
                {
                    // Set before the response starts; SecurityHeaders keeps a policy an endpoint chose.
                    context.HttpContext.Response.Headers.ContentSecurityPolicy = ReferencePagePolicy;
                    return await next(context);
                });
        }

        return app;
    }
}
