using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.OAuthDynamicRegistration.RegisterDynamicOAuthClient;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Dynamic client registration (RFC 7591) at BetterAuth oauth-provider's <c>/oauth2/register</c>: absent (404, and not in
/// discovery) unless the operator allows it. A client posts its metadata (JSON, no cookie) and, when the operator set
/// one, the initial access token as a bearer token; the answer is 201 with its client id (and secret), or RFC 7591's
/// <c>{error, error_description}</c>.
/// </summary>
[ApiController]
[AuthApi]
public sealed class OAuthRegistrationController(ISender sender, IOptions<OAuthServerOptions> oauth) : ControllerBase
{
    [EndpointSummary("OAuth dynamic client registration (RFC 7591), when enabled")]
    [ProducesResponseType<DynamicClientRegistrationResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<OAuthErrorResponse>(StatusCodes.Status400BadRequest)]
    [HttpPost("oauth2/register")]
    [AuthRoute]
    public async Task<IActionResult> Register([FromBody] DynamicClientRegistrationRequest request, CancellationToken cancellationToken)
    {
        if (!oauth.Value.AllowDynamicClientRegistration)
        {
            return NotFound();
        }

        var result = await sender.Send(new RegisterDynamicOAuthClientCommand(
            request.ClientName, request.RedirectUris, request.GrantTypes, request.ResponseTypes, request.TokenEndpointAuthMethod,
            request.Scope, request.Jwks?.GetRawText(), BearerToken()), cancellationToken);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!);
        }

        var client = result.Value;
        return StatusCode(StatusCodes.Status201Created, new DynamicClientRegistrationResponse(
            client.ClientId, client.ClientSecret, client.IssuedAt.ToUnixTimeSeconds(), client.ClientSecret is null ? null : 0,
            client.ClientName, client.RedirectUris, client.GrantTypes, client.ResponseTypes, client.TokenEndpointAuthMethod, client.Scope));
    }

    /// <summary>RFC 7591 §3.2.2's codes; a missing or wrong initial access token is RFC 6750's invalid_token (401).</summary>
    private ObjectResult Refusal(Error error)
    {
        if (error.Code == Errors.InvalidInitialAccessToken.Code)
        {
            Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
            return Unauthorized(new OAuthErrorResponse("invalid_token", error.Message));
        }

        var code = error.Code == Errors.InvalidRedirectUri.Code ? "invalid_redirect_uri" : "invalid_client_metadata";
        return BadRequest(new OAuthErrorResponse(code, error.Message));
    }

    private string? BearerToken() =>
        Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
}
