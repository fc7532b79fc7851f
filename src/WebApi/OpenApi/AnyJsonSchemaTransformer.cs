using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// A free JSON value (<see cref="JsonElement"/>: an organization's or a key's metadata) is the empty schema, which any
/// value and null already satisfy. The generator writes a nullable one as <c>oneOf: [{type: null}, {$ref: JsonElement}]</c>,
/// which a null value matches twice and so fails (exactly one branch must match); this puts the plain reference in its
/// place, once the document's schemas are complete.
/// </summary>
public sealed class AnyJsonSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            if (schema is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            foreach (var (name, property) in properties.ToArray())
            {
                if (property is OpenApiSchema { OneOf: [_, _] branches }
                    && branches.Any(b => b.Type == JsonSchemaType.Null)
                    && branches.FirstOrDefault(b => b is OpenApiSchemaReference { Reference.Id: nameof(JsonElement) }) is { } any)
                {
                    properties[name] = any;
                }
            }
        }

        return Task.CompletedTask;
    }
}
