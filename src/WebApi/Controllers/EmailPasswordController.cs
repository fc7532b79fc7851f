using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.EmailPassword.SignIn;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>Sign-up and sign-in with email and password: POST /sign-up/email, POST /sign-in/email.</summary>
[ApiController]
[AuthApi]
public sealed class EmailPasswordController(ISender sender, IOptions<EmailOptions> emailOptions) : ControllerBase
{
    [EndpointSummary("Sign up with email and password; starts a session (cookie and token)")]
    [ProducesResponseType<SignUpResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [HttpPost("sign-up/email")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, HashesPasswords = true)]
    public async Task<IActionResult> SignUp([FromBody] SignUpEmailRequest request, CancellationToken cancellationToken)
    {
        if (emailOptions.Value.RequireEmailVerification)
        {
            // No session until the address is verified; a taken address gets the same answer.
            var pending = await sender.Send(new SignUpPendingVerificationCommand(request.Name, request.Email, request.Password, request.Image, request.CallbackURL, request.Username, request.DisplayUsername), cancellationToken);
            return pending.IsSuccess ? Ok(new SignUpResponse(Token: null, pending.Value)) : ProblemWriter.Result(HttpContext, pending.Error!);
        }

        var result = await sender.Send(
            new SignUpCommand(request.Name, request.Email, request.Password, request.Image, request.RememberMe ?? true, RequestContext.ClientOf(HttpContext), request.CallbackURL,
                request.Username, request.DisplayUsername),
            cancellationToken);
        return result.IsSuccess
            ? this.SignedIn(result.Value, session => new SignUpResponse(session.Token.Value, session.User))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Sign in with email and password; starts a session (cookie and token)")]
    [ProducesResponseType<SignInResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("sign-in/email")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, HashesPasswords = true, Session = SessionUse.Credential, Reads = FlowCookie.TrustDevice)]
    public async Task<IActionResult> SignIn([FromBody] SignInEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInCommand(request.Email, request.Password, request.RememberMe ?? true, RequestContext.ClientOf(HttpContext),
                HttpContext.PresentedCookieToken(), HttpContext.FlowCookie(FlowCookie.TrustDevice)),
            cancellationToken);
        return result.IsSuccess
            ? this.SignedIn(result.Value, session => new SignInResponse(Redirect: false, session.Token.Value, session.User))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
