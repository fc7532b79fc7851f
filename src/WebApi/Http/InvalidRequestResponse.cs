using AuthPlatform.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// Model binding failures (malformed JSON, wrong types, missing body) in our problem format, with field
/// names as the client sent them ("$.email" becomes "email").
/// </summary>
public static class InvalidRequestResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => FieldName(e.Key))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(e => e.Value!.Errors).Select(e => Describe(e.ErrorMessage)).Distinct().ToArray());
        if (errors.Values.Any(messages => messages.Contains(NotJson)))
        {
            // Broken JSON also leaves "the body is required" behind; the syntax error is the one to fix.
            errors = new Dictionary<string, string[]> { ["body"] = [NotJson] };
        }

        var first = errors.Values.SelectMany(v => v).FirstOrDefault() ?? "The request is invalid.";
        return ProblemWriter.Result(context.HttpContext, Errors.ValidationError.WithFields(errors, first));
    }

    private static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        if (name is "" or "$" or "request" || name.EndsWith("Request", StringComparison.Ordinal))
        {
            return "body";
        }

        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private const string NotJson = "The request body is not valid JSON.";

    // System.Text.Json messages mention .NET type names and reader internals; say what the client needs to know.
    private static string Describe(string message) =>
        string.IsNullOrEmpty(message) ? "The value is invalid."
        : message.Contains("BytePositionInLine", StringComparison.Ordinal) && !message.Contains("could not be converted", StringComparison.Ordinal) ? NotJson
        : message.Contains("could not be converted", StringComparison.Ordinal) ? "The value has the wrong type or is not valid JSON."
        : message.Contains("non-empty request body", StringComparison.Ordinal) ? "A JSON body is required."
        : message;
}
