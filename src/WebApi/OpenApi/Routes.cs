using Microsoft.AspNetCore.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>Matches an operation by method and route (its last segment), whichever controller serves it.</summary>
internal static class Routes
{
    public static bool Is(OpenApiOperationTransformerContext context, string method, string lastSegment) =>
        string.Equals(context.Description.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
        && context.Description.RelativePath is { } path
        && path.TrimEnd('/') is var route
        && (route.Equals(lastSegment, StringComparison.OrdinalIgnoreCase)
            || route.EndsWith("/" + lastSegment, StringComparison.OrdinalIgnoreCase));
}
