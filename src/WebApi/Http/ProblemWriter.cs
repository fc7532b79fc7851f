using System.Globalization;
using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// The one mapping from an <see cref="Error"/> (a failed Result&lt;T&gt;, or one of <see cref="HttpErrors"/>) to a
/// problem+json response: as an action result from controllers, written directly from middleware.
/// </summary>
public static class ProblemWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IActionResult Result(HttpContext context, Error error)
    {
        SetRetryAfter(context, error.RetryAfterSeconds);
        return new ObjectResult(ProblemResponse.From(error))
        {
            StatusCode = ProblemResponse.StatusOf(error.Kind),
            ContentTypes = { ProblemResponse.ContentType },
        };
    }

    public static Task WriteAsync(HttpContext context, Error error) =>
        WriteAsync(context, ProblemResponse.From(error), error.RetryAfterSeconds);

    private static async Task WriteAsync(HttpContext context, ProblemResponse problem, int? retryAfterSeconds)
    {
        context.Response.StatusCode = problem.Status;
        SetRetryAfter(context, retryAfterSeconds);
        context.Response.ContentType = ProblemResponse.ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, Json, context.RequestAborted);
    }

    private static void SetRetryAfter(HttpContext context, int? seconds)
    {
        if (seconds is { } value)
        {
            context.Response.Headers.RetryAfter = value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
