using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.OAuthConsents.AnswerOAuthConsent;
using AuthPlatform.Application.OAuthConsents.GetOAuthConsent;
using AuthPlatform.Application.OAuthConsents.UpdateOAuthConsent;
using AuthPlatform.Application.OAuthConsents.ListOAuthConsents;
using AuthPlatform.Application.OAuthConsents.RevokeOAuthConsent;
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
/// A user's consents to OAuth clients (BetterAuth oauth-provider's names, ADR 0141): the consent page's answer, and
/// the list a user reviews and revokes from. Called by the frontend with the session cookie; errors are problem+json.
/// </summary>
[ApiController]
[AuthApi]
public sealed class OAuthConsentController(ISender sender) : ControllerBase
{
    /// <summary>The consent page's answer: the browser goes to <c>url</c> (the authorization request again, or the client with access_denied).</summary>
    [EndpointSummary("Answers an OAuth consent request: accept records the consent and resumes the authorization")]
    [ProducesResponseType<OAuthConsentResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("oauth2/consent")]
    [Authorize]
    public async Task<IActionResult> Consent([FromBody] OAuthConsentRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new AnswerOAuthConsentCommand(HttpContext.CurrentSession().User.Id, request.ConsentCode, request.Accept), cancellationToken);
        return result.IsSuccess ? Ok(new OAuthConsentResponse(Redirect: true, result.Value.RedirectUri)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The current user's consents to OAuth clients, one per client")]
    [ProducesResponseType<IReadOnlyList<OAuthConsent>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("oauth2/get-consents")]
    [Authorize]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Ok(await sender.Send(new ListOAuthConsentsQuery(HttpContext.CurrentSession().User.Id), cancellationToken));

    [EndpointSummary("One of the current user's consents to OAuth clients")]
    [ProducesResponseType<OAuthConsent>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpGet("oauth2/get-consent")]
    [Authorize]
    public async Task<IActionResult> Get([FromQuery] string? id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetOAuthConsentQuery(HttpContext.CurrentSession().User.Id, id), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>Sets the scopes a consent grants: the client's tokens under the old consent end, so a scope taken away is gone at once.</summary>
    [EndpointSummary("Changes the scopes one of the current user's consents grants")]
    [ProducesResponseType<OAuthConsent>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("oauth2/update-consent")]
    [Authorize]
    public async Task<IActionResult> Update([FromBody] OAuthConsentUpdateRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new UpdateOAuthConsentCommand(HttpContext.CurrentSession().User.Id, request.Id, request.Update?.Scopes), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>Revokes a consent: the client's tokens issued under it end at once, and it must ask again.</summary>
    [EndpointSummary("Revokes one of the current user's consents and the client's tokens under it")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("oauth2/delete-consent")]
    [Authorize]
    public async Task<IActionResult> Delete([FromBody] OAuthConsentIdRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RevokeOAuthConsentCommand(HttpContext.CurrentSession().User.Id, request.Id), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
