using AuthPlatform.Application.Username.IsUsernameAvailable;
using AuthPlatform.Application.Username.SignInUsername;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>BetterAuth's username plugin: POST /sign-in/username, POST /is-username-available.</summary>
[ApiController]
[AuthApi]
public sealed class UsernameController(ISender sender) : ControllerBase
{
    [EndpointSummary("Sign in with username and password; starts a session (cookie and token)")]
    [ProducesResponseType<SignInResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("sign-in/username")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, HashesPasswords = true, Session = SessionUse.Credential, Reads = FlowCookie.TrustDevice)]
    public async Task<IActionResult> SignIn([FromBody] SignInUsernameRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInUsernameCommand(request.Username, request.Password, request.RememberMe ?? true, RequestContext.ClientOf(HttpContext),
                HttpContext.PresentedCookieToken(), HttpContext.FlowCookie(FlowCookie.TrustDevice)),
            cancellationToken);
        return result.IsSuccess
            ? this.SignedIn(result.Value, session => new SignInResponse(Redirect: false, session.Token.Value, session.User))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Whether a username is well-formed, not reserved and free")]
    [ProducesResponseType<UsernameAvailabilityResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("is-username-available")]
    [AuthRoute(RateLimit = RateLimitClass.Standard)] // cheap, no password; asked while a user types (as in BetterAuth)
    public async Task<IActionResult> IsUsernameAvailable([FromBody] IsUsernameAvailableRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new IsUsernameAvailableQuery(request.Username), cancellationToken);
        return result.IsSuccess
            ? Ok(new UsernameAvailabilityResponse(result.Value))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
