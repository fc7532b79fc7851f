using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// Adds the health endpoints to the document: they are health-check endpoints, not controller actions,
/// so the API explorer does not see them. Shapes as Hosting/HealthResponse.cs writes them.
/// </summary>
public sealed class HealthEndpointsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = Operation("Liveness: the process answers (no dependency is checked)", new Dictionary<string, string>
                {
                    ["200"] = "Alive (text/plain \"Healthy\").",
                }, withReport: false),
            },
        };
        document.Paths["/health/ready"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = Operation("Readiness: the database answers and signing keys are loaded", new Dictionary<string, string>
                {
                    ["200"] = "Ready; each check's status.",
                    ["503"] = "Not ready (database unreachable, no signing key); each check's status and description.",
                }, withReport: true),
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiOperation Operation(string summary, Dictionary<string, string> responses, bool withReport)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new("Health") },
            Responses = [],
        };
        foreach (var (status, description) in responses)
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = withReport
                    ? new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = HealthReportSchema() } }
                    : new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
        }

        return operation;
    }

    private static OpenApiSchema HealthReportSchema()
    {
        var status = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [JsonValue.Create("healthy"), JsonValue.Create("degraded"), JsonValue.Create("unhealthy")],
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = status,
                ["checks"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["status"] = status,
                            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                            ["durationMs"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                        },
                    },
                },
            },
        };
    }
}
