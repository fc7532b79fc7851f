using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// POST /sign-out reads no body, but clients send one: BetterAuth's client posts <c>{}</c>. The document
/// declares that optional JSON body (any object, ignored), so a client sending it is within the contract.
/// </summary>
public sealed class SignOutBodyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Routes.Is(context, "POST", "sign-out") && operation.RequestBody is null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = "Optional and ignored; BetterAuth's client sends {}.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                },
            };
        }

        return Task.CompletedTask;
    }
}
