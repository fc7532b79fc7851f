using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Mail.SendVerificationEmail;
using AuthPlatform.Application.Mail.VerifyEmail;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Email verification: POST /send-verification-email (session optional) mails a link; GET /verify-email
/// follows one (it also completes a change of email).
/// </summary>
[ApiController]
[AuthApi]
public sealed class EmailVerificationController(
    ISender sender, IOptions<AuthOptions> auth) : ControllerBase
{
    [EndpointSummary("Mails a verification link; signed out, the answer is the same for every address")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("send-verification-email")]
    [AuthRoute(RateLimit = RateLimitClass.Mail, Session = SessionUse.Lookup)] // a session is optional here
    public async Task<IActionResult> Send([FromBody] SendVerificationEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SendVerificationEmailCommand(request.Email, request.CallbackURL, HttpContext.SessionAuthentication().Session), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Follows a mailed verification link: redirects to callbackURL (with error=CODE on failure), or answers JSON")]
    [ProducesResponseType<VerifyEmailResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [HttpGet("verify-email")]
    public async Task<IActionResult> Verify([FromQuery] string? token, [FromQuery] string? callbackURL, CancellationToken cancellationToken)
    {
        if (!RedirectTargets.IsAllowed(callbackURL, auth.Value))
        {
            return ProblemWriter.Result(HttpContext, MailErrors.InvalidCallbackUrl);
        }

        var result = await sender.Send(new VerifyEmailCommand(token, RequestContext.ClientOf(HttpContext)), cancellationToken);
        if (!result.IsSuccess)
        {
            // As BetterAuth: errors go to the callback as ?error=CODE, or are JSON without one (with the
            // catalogue's status; BetterAuth answers 401 for all of them, docs/compatibility.md).
            return string.IsNullOrEmpty(callbackURL)
                ? ProblemWriter.Result(HttpContext, result.Error!)
                : Redirect(RedirectTargets.WithParameter(callbackURL, auth.Value, "error", result.Error!.Code));
        }

        var signedIn = result.Value.SignedIn;
        if (string.IsNullOrEmpty(callbackURL))
        {
            return new CookieResult(Ok(new VerifyEmailResponse(Status: true, User: null))).SignIn(signedIn);
        }

        // A sign-in that waits for its second factor tells the frontend so, as the social callback does.
        return this.SignedInRedirect(signedIn, SignInRedirect.For(callbackURL, signedIn, auth.Value));
    }
}
