using System.Text.Json;
using AuthPlatform.Application.ApiKeys;
using AuthPlatform.Application.ApiKeys.CreateApiKey;
using AuthPlatform.Application.ApiKeys.DeleteApiKey;
using AuthPlatform.Application.ApiKeys.GetApiKey;
using AuthPlatform.Application.ApiKeys.ListApiKeys;
using AuthPlatform.Application.ApiKeys.UpdateApiKey;
using AuthPlatform.Application.ApiKeys.VerifyApiKey;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// API keys (BetterAuth's api-key plugin): a signed-in user creates, lists, changes and deletes keys for
/// their programs; a program's key is checked by POST /api-key/verify, or sent in the key header to a route
/// that accepts keys ([AuthRoute(AcceptsApiKey = true)]), where the authentication handler checks it.
/// </summary>
[ApiController]
[AuthApi]
public sealed class ApiKeyController(ISender sender) : ControllerBase
{
    [EndpointSummary("Creates an API key for the current user; the answer is the only time the key is shown")]
    [ProducesResponseType<ApiKeyDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("api-key/create")]
    [Authorize]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Create([FromBody] CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();
        var result = await sender.Send(
            new CreateApiKeyCommand(current.User.Id, request.Name, request.ExpiresIn, request.Prefix, request.Metadata, request.ServerOnlyFieldsSet()),
            cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("One of the current user's API keys, without the key")]
    [ProducesResponseType<ApiKeyDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpGet("api-key/get")]
    [Authorize]
    public async Task<IActionResult> Get([FromQuery] string? id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetApiKeyQuery(HttpContext.CurrentSession().User.Id, id), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The current user's API keys, a page at a time")]
    [ProducesResponseType<ApiKeyPage>(StatusCodes.Status200OK)]
    [HttpGet("api-key/list")]
    [Authorize]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] string? sortBy, [FromQuery] string? sortDirection,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListApiKeysQuery(HttpContext.CurrentSession().User.Id, limit, offset, sortBy, sortDirection), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Changes one of the current user's API keys (name, enabled, expiry, metadata)")]
    [ProducesResponseType<ApiKeyDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("api-key/update")]
    [Authorize]
    public async Task<IActionResult> Update([FromBody] UpdateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var expiresIn = request.ExpiresIn switch
        {
            null => (double?)null,
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var seconds) => seconds,
            _ => double.NaN, // not a number: refused by the validator
        };
        var result = await sender.Send(
            new UpdateApiKeyCommand(HttpContext.CurrentSession().User.Id, request.KeyId, request.Name, request.Enabled, expiresIn,
                ClearExpiry: request.ExpiresIn is { ValueKind: JsonValueKind.Null }, request.Metadata, request.ServerOnlyFieldsSet()),
            cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Deletes one of the current user's API keys; it is refused from the next use on")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("api-key/delete")]
    [Authorize]
    public async Task<IActionResult> Delete([FromBody] DeleteApiKeyRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteApiKeyCommand(HttpContext.CurrentSession().User.Id, request.KeyId), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Checks an API key (and the permissions it must grant), counting one use; always 200 with the verdict")]
    [ProducesResponseType<VerifyApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("api-key/verify")]
    public async Task<IActionResult> Verify([FromBody] VerifyApiKeyRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new VerifyApiKeyCommand(request.Key, request.Permissions), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var verdict = result.Value;
        var error = verdict.Refusal is { } refusal
            ? new VerifyApiKeyError(refusal.Code, refusal.Message,
                refusal.RetryAfterSeconds is { } seconds && refusal.Is(Application.Common.Results.Errors.ApiKeys.RateLimited)
                    ? new VerifyApiKeyErrorDetails(seconds * 1000L) : null)
            : null;
        return Ok(new VerifyApiKeyResponse(verdict.Valid, error, verdict.Key));
    }
}
