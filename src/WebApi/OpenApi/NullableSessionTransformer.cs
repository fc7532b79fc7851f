using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// GET /get-session answers 200 with JSON <c>null</c> when there is no live session (BetterAuth's
/// contract; clients test for null, not for a status). The action's [ProducesResponseType] can only name
/// the session shape, so this widens the 200 schema to "the session, or null" (OpenAPI 3.1: oneOf with
/// type "null").
/// </summary>
public sealed class NullableSessionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Routes.Is(context, "GET", "get-session")
            || operation.Responses?.TryGetValue("200", out var ok) != true
            || ok!.Content is not { } content)
        {
            return Task.CompletedTask;
        }

        foreach (var media in content.Values)
        {
            if (media.Schema is { } session)
            {
                media.Schema = new OpenApiSchema { OneOf = [session, new OpenApiSchema { Type = JsonSchemaType.Null }] };
            }
        }

        return Task.CompletedTask;
    }
}
