using AuthPlatform.Application.Admin;
using AuthPlatform.Application.Admin.DeleteOAuthClient;
using AuthPlatform.Application.Admin.ListOAuthClients;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// OAuth clients, for administrators (the <c>oauth-client:manage</c> statement): register one (the same use case as
/// the <c>register-oauth-client</c> operator command), list them, delete one with its consents and tokens.
/// </summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class OAuthClientAdminController(ISender sender) : ControllerBase
{
    [EndpointSummary("Registers an OAuth client; a confidential client's secret is answered once")]
    [ProducesResponseType<CreatedOAuthClientResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("admin/oauth2/create-client")]
    [AuthRoute(Admin = AdminAction.ManageOAuthClients, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Create([FromBody] CreateOAuthClientRequest request, CancellationToken cancellationToken)
    {
        var type = request.TokenEndpointAuthMethod == "none" ? RegisterOAuthClientCommand.Public : RegisterOAuthClientCommand.Confidential;
        var result = await sender.Send(new RegisterOAuthClientCommand(
            request.ClientName, type, request.RedirectUris ?? [], request.PostLogoutRedirectUris ?? [], request.GrantTypes ?? [],
            (request.Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), request.Resources ?? [],
            request.SkipConsent == true, JwksOf(request)), cancellationToken);
        return result.IsSuccess
            ? Ok(new CreatedOAuthClientResponse(result.Value.ClientId, result.Value.ClientSecret))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>
    /// The client's JWKS as JSON text. private_key_jwt without one is passed as JSON null, which the use case's
    /// validator refuses with its "must be a JSON Web Key Set" message (400), as for any other unusable set.
    /// </summary>
    private static string? JwksOf(CreateOAuthClientRequest request) =>
        request.Jwks?.GetRawText() ?? (request.TokenEndpointAuthMethod == "private_key_jwt" ? "null" : null);

    [EndpointSummary("Every registered OAuth client, as registered (never a secret)")]
    [ProducesResponseType<IReadOnlyList<OAuthClientRegistration>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/oauth2/list-clients")]
    [AuthRoute(Admin = AdminAction.ManageOAuthClients)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListOAuthClientsQuery(), cancellationToken));

    [EndpointSummary("Deletes an OAuth client with its consents and tokens")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("admin/oauth2/delete-client")]
    [AuthRoute(Admin = AdminAction.ManageOAuthClients, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Delete([FromBody] DeleteOAuthClientRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteOAuthClientCommand(request.ClientId), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
