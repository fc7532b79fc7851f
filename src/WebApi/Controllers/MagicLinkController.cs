using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.MagicLink.SignInMagicLink;
using AuthPlatform.Application.MagicLink.VerifyMagicLink;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Magic links (BetterAuth's magic-link plugin): POST /sign-in/magic-link mails one; GET /magic-link/verify
/// follows it and signs in through the sign-in pipeline.
/// </summary>
[ApiController]
[AuthApi]
public sealed class MagicLinkController(ISender sender, IOptions<AuthOptions> auth) : ControllerBase
{
    [EndpointSummary("Mails a sign-in link; the answer is the same for every address")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("sign-in/magic-link")]
    [AuthRoute(RateLimit = RateLimitClass.Mail, Origin = OriginRule.Login)]
    public async Task<IActionResult> Send([FromBody] SignInMagicLinkRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInMagicLinkCommand(request.Email, request.Name, request.CallbackURL, request.NewUserCallbackURL, request.ErrorCallbackURL), cancellationToken);
        return result.IsSuccess ? Ok(new StatusResponse(Status: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Follows a magic link: signs in and redirects to callbackURL (newUserCallbackURL after a sign-up), or answers JSON; failures redirect with error=CODE")]
    [ProducesResponseType<MagicLinkVerifyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpGet("magic-link/verify")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Reads = FlowCookie.TrustDevice)]
    public async Task<IActionResult> Verify(
        [FromQuery] string? token, [FromQuery] string? callbackURL, [FromQuery] string? newUserCallbackURL, [FromQuery] string? errorCallbackURL,
        CancellationToken cancellationToken)
    {
        var options = auth.Value;
        if (!RedirectTargets.IsAllowed(callbackURL, options) || !RedirectTargets.IsAllowed(newUserCallbackURL, options) || !RedirectTargets.IsAllowed(errorCallbackURL, options))
        {
            return ProblemWriter.Result(HttpContext, Errors.InvalidCallbackUrl);
        }

        var result = await sender.Send(
            new VerifyMagicLinkCommand(token, RequestContext.ClientOf(HttpContext), HttpContext.FlowCookie(FlowCookie.TrustDevice)), cancellationToken);
        if (!result.IsSuccess)
        {
            // As BetterAuth: a banned user is JSON; every other failure ends on the error page with ?error=CODE.
            if (result.Error!.Is(Errors.UserDisabled))
            {
                return ProblemWriter.Result(HttpContext, result.Error);
            }

            var errorTarget = NonEmpty(errorCallbackURL) ?? NonEmpty(callbackURL) ?? "/";
            return Redirect(RedirectTargets.WithParameter(errorTarget, options, "error", result.Error.Code));
        }

        var signedIn = result.Value.SignedIn;
        if (string.IsNullOrEmpty(callbackURL))
        {
            return this.SignedIn(signedIn, session => new MagicLinkVerifyResponse(session.Token.Value, session.User, session.Session));
        }

        var target = result.Value.NewUser ? NonEmpty(newUserCallbackURL) ?? callbackURL : callbackURL;

        return this.SignedInRedirect(signedIn, SignInRedirect.For(target, signedIn, options));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
