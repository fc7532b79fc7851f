using AuthPlatform.Application.EmailPassword.ChangePassword;
using AuthPlatform.Application.Users.UpdateUser;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>Changes to the signed-in user's account: POST /change-password, POST /update-user.</summary>
[ApiController]
[AuthApi]
[Authorize]
public sealed class AccountController(ISender sender) : ControllerBase
{
    /// <summary>Needs the current password; rotates the session (new token and cookie) and by default ends all others.</summary>
    [EndpointSummary("Changes the password; rotates this session and by default ends the others")]
    [ProducesResponseType<ChangePasswordResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("change-password")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true)] // the use case checks the current password under the credential lock
    public async Task<IActionResult> ChangePassword([FromBody] ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(
            new ChangePasswordCommand(current, request.CurrentPassword, request.NewPassword, request.RevokeOtherSessions ?? true, RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var session = result.Value;
        return new CookieResult(Ok(new ChangePasswordResponse(session.Token.Value, session.User))).SignIn(session);
    }

    [EndpointSummary("Changes the name, image or username of the current user")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("update-user")]
    public async Task<IActionResult> UpdateUser([FromBody] UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(
            new UpdateUserCommand(current.User.Id, request.Name, request.Image, request.NameGiven, request.ImageGiven, request.EmailGiven, request.Username, request.DisplayUsername),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        // This device's next get-session reads the new profile from the store.
        return new CookieResult(Ok(new StatusResponse(Status: true))).ExpireSessionData();
    }
}
