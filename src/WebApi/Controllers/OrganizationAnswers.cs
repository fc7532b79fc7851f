using AuthPlatform.Application.Common.Results;
using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>How the organization controllers answer a use case's result: its value (JSON null included), or its error.</summary>
internal static class OrganizationAnswers
{
    public static IActionResult Answer<T>(this ControllerBase controller, Result<T> result) =>
        !result.IsSuccess ? ProblemWriter.Result(controller.HttpContext, result.Error!)
        : result.Value is null ? new ContentResult { Content = "null", ContentType = "application/json", StatusCode = StatusCodes.Status200OK }
        : controller.Ok(result.Value);

    public static IActionResult MetadataIsNoObject(this ControllerBase controller) =>
        ProblemWriter.Result(controller.HttpContext, Errors.ValidationError.WithMessage("metadata is a JSON object."));

    public static IActionResult RoleIsNoString(this ControllerBase controller) =>
        ProblemWriter.Result(controller.HttpContext, Errors.ValidationError.WithMessage("role is a string or an array of strings."));
}
