using System.Globalization;
using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Http;

/// <summary>Writes problem+json responses, from controllers (as results) and from middleware (directly).</summary>
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

    public static Task WriteAsync(HttpContext context, int status, string code, string message, int? retryAfterSeconds = null) =>
        WriteAsync(context, ProblemResponse.Create(status, code, message), retryAfterSeconds);

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
