using AuthPlatform.Application.EmailOtp.CheckEmailOtp;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.EmailOtp.ResetPasswordByEmailOtp;
using AuthPlatform.Application.EmailOtp.SendEmailOtp;
using AuthPlatform.Application.EmailOtp.SignInEmailOtp;
using AuthPlatform.Application.EmailOtp.VerifyEmailOtp;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Mailed one-time codes (BetterAuth's email-otp plugin): send one, check it, and use it to sign in, verify
/// the address or set a new password. Sign-in goes through the sign-in pipeline.
/// </summary>
[ApiController]
[AuthApi]
public sealed class EmailOtpController(ISender sender) : ControllerBase
{
    [EndpointSummary("Mails a one-time code (type sign-in, email-verification or forget-password); the answer is the same for every address")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("email-otp/send-verification-otp")]
    [AuthRoute(RateLimit = RateLimitClass.Mail, Origin = OriginRule.Login)]
    public Task<IActionResult> Send([FromBody] SendEmailOtpRequest request, CancellationToken cancellationToken) =>
        SendAsync(request.Email, request.Type, cancellationToken);

    [EndpointSummary("Mails a password reset code; the answer is the same for every address")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("email-otp/request-password-reset")]
    [AuthRoute(RateLimit = RateLimitClass.Mail)]
    public Task<IActionResult> RequestReset([FromBody] EmailOtpResetRequest request, CancellationToken cancellationToken) =>
        SendAsync(request.Email, EmailOtpTypes.ForgetPassword, cancellationToken);

    [EndpointSummary("Mails a password reset code (BetterAuth's deprecated name of /email-otp/request-password-reset)")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("forget-password/email-otp")]
    [AuthRoute(RateLimit = RateLimitClass.Mail)]
    public Task<IActionResult> ForgetPassword([FromBody] EmailOtpResetRequest request, CancellationToken cancellationToken) =>
        SendAsync(request.Email, EmailOtpTypes.ForgetPassword, cancellationToken);

    [EndpointSummary("Says whether a code is right without using it; a wrong guess spends one of the code's attempts")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("email-otp/check-verification-otp")]
    [AuthRoute(RateLimit = RateLimitClass.Credential)]
    public async Task<IActionResult> Check([FromBody] CheckEmailOtpRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CheckEmailOtpCommand(request.Email, request.Type, request.Otp), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Verifies the address with a code; signs in when Auth:Email:AutoSignInAfterVerification is on")]
    [ProducesResponseType<VerifyEmailOtpResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("email-otp/verify-email")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login)]
    public async Task<IActionResult> VerifyEmail([FromBody] VerifyEmailOtpRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new VerifyEmailOtpCommand(request.Email, request.Otp, RequestContext.ClientOf(HttpContext)), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        var signedIn = result.Value.SignedIn;
        return new CookieResult(Ok(new VerifyEmailOtpResponse(Status: true, signedIn?.Session?.Token.Value, result.Value.User))).SignIn(signedIn);
    }

    [EndpointSummary("Signs in with a code (signs up an address without an account unless Auth:EmailOtp:DisableSignUp)")]
    [ProducesResponseType<SignInResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("sign-in/email-otp")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, Session = SessionUse.Credential, Reads = FlowCookie.TrustDevice)]
    public async Task<IActionResult> SignIn([FromBody] SignInEmailOtpRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInEmailOtpCommand(request.Email, request.Otp, request.Name, request.Image, RequestContext.ClientOf(HttpContext), HttpContext.FlowCookie(FlowCookie.TrustDevice)),
            cancellationToken);
        return result.IsSuccess
            ? this.SignedIn(result.Value, session => new SignInResponse(Redirect: false, session.Token.Value, session.User))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Sets a new password with a reset code; ends every session of the user")]
    [ProducesResponseType<SuccessResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [HttpPost("email-otp/reset-password")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true)]
    public async Task<IActionResult> ResetPassword([FromBody] ResetPasswordEmailOtpRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResetPasswordByEmailOtpCommand(request.Email, request.Otp, request.Password), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    private async Task<IActionResult> SendAsync(string? email, string? type, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SendEmailOtpCommand(email, type), cancellationToken);
        return result.IsSuccess ? Ok(new SuccessResponse(Success: true)) : ProblemWriter.Result(HttpContext, result.Error!);
    }
}
