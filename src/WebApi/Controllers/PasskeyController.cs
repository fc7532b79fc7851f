using System.Text.Json;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Application.Passkeys.DeletePasskey;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Passkeys.ListUserPasskeys;
using AuthPlatform.Application.Passkeys.VerifyRegistration;
using AuthPlatform.Application.Passkeys.VerifyAuthentication;
using AuthPlatform.Application.Passkeys.GenerateRegisterOptions;
using AuthPlatform.Application.Passkeys.GenerateAuthenticateOptions;
using AuthPlatform.Application.Passkeys.UpdatePasskey;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Passkeys (WebAuthn): registration needs a fresh session; signing in with one needs nothing but the
/// passkey. Each ceremony's options are remembered server-side behind the better-auth-passkey cookie and
/// can be answered once. Listing, renaming and deleting need a session and act on the caller's passkeys only.
/// </summary>
[ApiController]
[AuthApi]
public sealed class PasskeyController(ISender sender) : ControllerBase
{
    [EndpointSummary("WebAuthn creation options for adding a passkey (needs a fresh session)")]
    [ProducesResponseType<JsonElement>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("passkey/generate-register-options")]
    [Authorize]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> GenerateRegisterOptions([FromQuery] string? name, [FromQuery] string? authenticatorAttachment, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new GenerateRegisterOptionsCommand(current, name, authenticatorAttachment), cancellationToken);
        return Started(result);
    }

    [EndpointSummary("Verifies the browser's registration response and stores the passkey")]
    [ProducesResponseType<PasskeyDto>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("passkey/verify-registration")]
    [Authorize]
    [AuthRoute(Reads = FlowCookie.PasskeyChallenge, Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> VerifyRegistration([FromBody] PasskeyRegistrationRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(
            new VerifyRegistrationCommand(current, HttpContext.FlowCookie(FlowCookie.PasskeyChallenge), request.Response?.GetRawText(), request.Name),
            cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("WebAuthn request options for signing in with a passkey")]
    [ProducesResponseType<JsonElement>(StatusCodes.Status200OK, "application/json")]
    [HttpGet("passkey/generate-authenticate-options")]
    [AuthRoute(Session = SessionUse.Lookup)]
    public async Task<IActionResult> GenerateAuthenticateOptions(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GenerateAuthenticateOptionsCommand(HttpContext.SessionAuthentication().Session?.User.Id), cancellationToken);
        return Started(result);
    }

    [EndpointSummary("Verifies the browser's assertion and starts a session (passkey sign-in)")]
    [ProducesResponseType<PasskeySignInResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("passkey/verify-authentication")]
    [AuthRoute(Origin = OriginRule.Login, Reads = FlowCookie.PasskeyChallenge)]
    public async Task<IActionResult> VerifyAuthentication([FromBody] PasskeyAuthenticationRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new VerifyAuthenticationCommand(HttpContext.FlowCookie(FlowCookie.PasskeyChallenge), request.Response?.GetRawText(),
                RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        return result.IsSuccess
            ? this.SignedIn(result.Value, signedIn =>
            {
                var s = signedIn.Session;
                return new PasskeySignInResponse(
                    new PasskeySessionDto(s.Id, signedIn.Token.Value, s.UserId, s.ExpiresAt, s.CreatedAt, s.UpdatedAt, s.IpAddress, s.UserAgent), signedIn.User);
            })
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The current user's passkeys")]
    [ProducesResponseType<IReadOnlyList<PasskeyDto>>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpGet("passkey/list-user-passkeys")]
    [Authorize]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new ListUserPasskeysQuery(current.User.Id), cancellationToken);
        return result.IsSuccess ? Ok(result.Value) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Renames one of the current user's passkeys")]
    [ProducesResponseType<PasskeyResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("passkey/update-passkey")]
    [Authorize]
    public async Task<IActionResult> Update([FromBody] PasskeyIdRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new UpdatePasskeyCommand(current.User.Id, request.Id, request.Name), cancellationToken);
        return result.IsSuccess ? Ok(new PasskeyResponse(result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Deletes one of the current user's passkeys")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("passkey/delete-passkey")]
    [Authorize]
    [AuthRoute(Needs = SensitiveProof.FreshSession)]
    public async Task<IActionResult> Delete([FromBody] PasskeyIdRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new DeletePasskeyCommand(current.User.Id, request.Id), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>The options as the browser takes them (raw JSON), and the cookie that names the ceremony.</summary>
    private IActionResult Started(Result<WebAuthnCeremonyStarted> result)
    {
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        return new CookieResult(Content(result.Value.OptionsJson, "application/json")).Set(FlowCookie.PasskeyChallenge, result.Value.Handle);
    }
}
