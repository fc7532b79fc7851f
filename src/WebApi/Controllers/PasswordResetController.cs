using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.EmailPassword.RequestPasswordReset;
using AuthPlatform.Application.EmailPassword.ResetPassword;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Forgotten password: POST /request-password-reset mails a link; GET /reset-password/:token forwards
/// it to the frontend's page; POST /reset-password sets the new password. No session needed.
/// </summary>
[ApiController]
[AuthApi]
public sealed class PasswordResetController(ISender sender, IOptions<AuthOptions> auth, IServiceUrls urls) : ControllerBase
{
    [EndpointSummary("Mails a reset link to the address if it has an account; the answer is the same either way")]
    [ProducesResponseType<PasswordResetRequestedResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("request-password-reset")]
    [AuthRoute(RateLimit = RateLimitClass.Mail)]
    public async Task<IActionResult> RequestReset([FromBody] RequestPasswordResetRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RequestPasswordResetCommand(request.Email, request.RedirectTo), cancellationToken);
        return result.IsSuccess ? Ok(PasswordResetRequestedResponse.Instance) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Forwards a mailed reset link to the frontend: callbackURL?token=..., or callbackURL?error=INVALID_TOKEN")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("reset-password/{token}")]
    [AuthRoute(SecretParameter = "token")] // a live reset token: never in logs or traces
    public async Task<IActionResult> Forward(string token, [FromQuery] string? callbackURL, CancellationToken cancellationToken)
    {
        if (!RedirectTargets.IsAllowed(callbackURL, auth.Value))
        {
            return ProblemWriter.Result(HttpContext, MailErrors.InvalidCallbackUrl);
        }

        // As BetterAuth: without a callbackURL there is nowhere to forward the token to.
        var target = string.IsNullOrEmpty(callbackURL) ? urls.ErrorPage() : callbackURL;
        var valid = !string.IsNullOrEmpty(callbackURL) && await sender.Send(new CheckResetTokenQuery(token), cancellationToken);
        return Redirect(valid
            ? RedirectTargets.WithParameter(target, auth.Value, "token", token)
            : RedirectTargets.WithParameter(target, auth.Value, "error", Errors.InvalidToken.Code));
    }

    [EndpointSummary("Sets a new password with a mailed token; ends every session of the user")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("reset-password")]
    [AuthRoute(HashesPasswords = true)] // hashes the new password: admitted only while the hashing pool has room
    public async Task<IActionResult> Reset([FromBody] ResetPasswordRequest request, [FromQuery] string? token, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResetPasswordCommand(request.NewPassword, request.Token ?? token), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
