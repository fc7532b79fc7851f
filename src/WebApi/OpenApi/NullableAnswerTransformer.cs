using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// The action answers 200 with JSON <c>null</c> in a normal outcome (BetterAuth's contract: get-session without a live
/// session, set-active and set-active-team when cleared; clients test for null, not for a status). Its
/// [ProducesResponseType] can only name the shape, so <see cref="NullableAnswerTransformer"/> widens the documented 200.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NullableAnswerAttribute : Attribute;

/// <summary>Widens the 200 schema of every action marked <see cref="NullableAnswerAttribute"/> to "the shape, or null" (OpenAPI 3.1: oneOf with type "null").</summary>
public sealed class NullableAnswerTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<NullableAnswerAttribute>().Any()
            || operation.Responses?.TryGetValue("200", out var ok) != true
            || ok!.Content is not { } content)
        {
            return Task.CompletedTask;
        }

        foreach (var media in content.Values)
        {
            if (media.Schema is { } shape)
            {
                media.Schema = new OpenApiSchema { OneOf = [shape, new OpenApiSchema { Type = JsonSchemaType.Null }] };
            }
        }

        return Task.CompletedTask;
    }
}
