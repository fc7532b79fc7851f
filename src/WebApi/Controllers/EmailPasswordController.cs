using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.GetSession;
using AuthPlatform.Application.SignIn;
using AuthPlatform.Application.SignOut;
using AuthPlatform.Application.SignUp;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>Sign-up and sign-in with email and password: POST /sign-up/email, POST /sign-in/email.</summary>
[ApiController]
[AuthApi]
public sealed class EmailPasswordController(ISender sender, SessionCookies cookies, SessionDataCookie sessionData, CredentialReader credentials, SecondFactorCookies secondFactor)
    : ControllerBase
{
    [EndpointSummary("Sign up with email and password; starts a session (cookie and token)")]
    [ProducesResponseType<SignUpResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    [HttpPost("sign-up/email")]
    public async Task<IActionResult> SignUp([FromBody] SignUpEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignUpCommand(request.Name, request.Email, request.Password, request.Image, request.RememberMe ?? true, RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        StartSession(result.Value);
        return Ok(new SignUpResponse(result.Value.Token.Value, result.Value.User));
    }

    [EndpointSummary("Sign in with email and password; starts a session (cookie and token)")]
    [ProducesResponseType<SignInResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("sign-in/email")]
    public async Task<IActionResult> SignIn([FromBody] SignInEmailRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInCommand(request.Email, request.Password, request.RememberMe ?? true, RequestContext.ClientOf(HttpContext),
                secondFactor.Read(Request, secondFactor.TrustDeviceName)),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        await EndReplacedSessionAsync(cancellationToken);
        if (result.Value.Session is not { } session)
        {
            // Second factor required: no session exists yet; the two_factor cookie names the pending sign-in.
            cookies.Expire(Response);
            secondFactor.WriteTwoFactor(Response, result.Value.SecondFactorChallenge!.Value);
            return Ok(new TwoFactorRedirectResponse(TwoFactorRedirect: true, result.Value.SecondFactorMethods));
        }

        if (result.Value.RenewedTrustedDevice is { } device)
        {
            secondFactor.WriteTrustDevice(Response, device);
        }

        StartSession(session);
        return Ok(new SignInResponse(Redirect: false, session.Token.Value, session.User));
    }

    /// <summary>
    /// The browser's new cookie replaces the one it sent, so the session behind that one ends now rather
    /// than lingering, unseen, until it expires (whoever it belonged to: a planted cookie is ended too).
    /// </summary>
    private async Task EndReplacedSessionAsync(CancellationToken cancellationToken)
    {
        var presented = credentials.Read(Request);
        if (presented is { Source: PresentedCredential.CookieSource, Token: { } replaced })
        {
            await sender.Send(new SignOutCommand(replaced), cancellationToken);
        }
    }

    private void StartSession(AuthenticatedSession session)
    {
        cookies.Write(Response, session.Token, session.Session.ExpiresAt, session.RememberMe);
        sessionData.Write(Response, session.Token, new CurrentSession(session.Session, session.User, session.RememberMe));
    }
}
