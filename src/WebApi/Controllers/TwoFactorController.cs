using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Application.TwoFactor.DisableTwoFactor;
using AuthPlatform.Application.TwoFactor.EnableTwoFactor;
using AuthPlatform.Application.TwoFactor.GenerateBackupCodes;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.TwoFactor.GetTotpUri;
using AuthPlatform.Application.TwoFactor.VerifyBackupCode;
using AuthPlatform.Application.TwoFactor.VerifyTotp;
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
/// TOTP second factor and backup codes: /two-factor/enable, /get-totp-uri, /verify-totp, /verify-backup-code,
/// /disable, /generate-backup-codes. Managing the factor needs a session and the password; verifying works
/// with a session (enrolment) or with the two_factor cookie a sign-in left (completing that sign-in).
/// </summary>
[ApiController]
[AuthApi]
public sealed class TwoFactorController(ISender sender) : ControllerBase
{
    [EndpointSummary("Starts TOTP enrolment (needs the password): the otpauth:// URI and backup codes")]
    [ProducesResponseType<TwoFactorEnableResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("two-factor/enable")]
    [Authorize]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true, Needs = SensitiveProof.Password)]
    public async Task<IActionResult> Enable([FromBody] TwoFactorPasswordRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        if (request.Method is not (null or "totp"))
        {
            return ProblemWriter.Result(HttpContext, Errors.OtpNotConfigured);
        }

        var result = await sender.Send(new EnableTwoFactorCommand(current, request.Password, request.Issuer), cancellationToken);
        return result.IsSuccess
            ? Ok(new TwoFactorEnableResponse("totp", result.Value.TotpUri, result.Value.BackupCodes))
            : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The otpauth:// URI of the current TOTP secret (needs the password)")]
    [ProducesResponseType<TotpUriResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("two-factor/get-totp-uri")]
    [Authorize]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true, Needs = SensitiveProof.Password)]
    public async Task<IActionResult> GetTotpUri([FromBody] TwoFactorPasswordRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new GetTotpUriQuery(current, request.Password), cancellationToken);
        return result.IsSuccess ? Ok(new TotpUriResponse(result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("Verifies a TOTP code: completes enrolment, or the sign-in waiting for its second factor")]
    [ProducesResponseType<TwoFactorVerifiedResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("two-factor/verify-totp")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, Session = SessionUse.Lookup, Reads = FlowCookie.TwoFactor)]
    public async Task<IActionResult> VerifyTotp([FromBody] TwoFactorCodeRequest request, CancellationToken cancellationToken)
    {
        var (actor, token) = Caller();

        var result = await sender.Send(
            new VerifyTotpCommand(actor, actor is null ? HttpContext.FlowCookie(FlowCookie.TwoFactor) : null, request.Code,
                request.TrustDevice ?? false, RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        return Verified(result, token);
    }

    [EndpointSummary("Verifies a backup code (each works once) in place of a TOTP code")]
    [ProducesResponseType<TwoFactorVerifiedResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [HttpPost("two-factor/verify-backup-code")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, Session = SessionUse.Lookup, Reads = FlowCookie.TwoFactor)]
    public async Task<IActionResult> VerifyBackupCode([FromBody] TwoFactorCodeRequest request, CancellationToken cancellationToken)
    {
        var (actor, token) = Caller();

        var result = await sender.Send(
            new VerifyBackupCodeCommand(actor, actor is null ? HttpContext.FlowCookie(FlowCookie.TwoFactor) : null, request.Code,
                request.TrustDevice ?? false, RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        return Verified(result, token);
    }

    [EndpointSummary("Removes the TOTP second factor, its backup codes and trusted devices (needs the password)")]
    [ProducesResponseType<StatusResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("two-factor/disable")]
    [Authorize]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true, Needs = SensitiveProof.Password)]
    public async Task<IActionResult> Disable([FromBody] TwoFactorPasswordRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new DisableTwoFactorCommand(current, request.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            return ProblemWriter.Result(HttpContext, result.Error!);
        }

        return new CookieResult(Ok(new StatusResponse(Status: true))).Expire(FlowCookie.TrustDevice);
    }

    [EndpointSummary("Replaces the backup codes with a new set (needs the password)")]
    [ProducesResponseType<BackupCodesResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [HttpPost("two-factor/generate-backup-codes")]
    [Authorize]
    [AuthRoute(RateLimit = RateLimitClass.Credential, HashesPasswords = true, Needs = SensitiveProof.Password)]
    public async Task<IActionResult> GenerateBackupCodes([FromBody] TwoFactorPasswordRequest request, CancellationToken cancellationToken)
    {
        var current = HttpContext.CurrentSession();

        var result = await sender.Send(new GenerateBackupCodesCommand(current, request.Password), cancellationToken);
        return result.IsSuccess ? Ok(new BackupCodesResponse(Status: true, result.Value)) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    /// <summary>
    /// A live session makes the caller a signed-in user; without one the two_factor cookie is the only
    /// way in. A credential that is present but dead is no reason to refuse: the pending sign-in decides.
    /// </summary>
    private (CurrentSession? Actor, string? Token) Caller()
    {
        var found = HttpContext.SessionAuthentication();
        return found.Session is { } current ? (current, found.Token?.Value) : (null, null);
    }

    private IActionResult Verified(Result<SecondFactorVerified> result, string? currentToken)
    {
        if (!result.IsSuccess)
        {
            // A challenge that is gone or burned can never succeed: the browser stops sending it.
            var problem = ProblemWriter.Result(HttpContext, result.Error!);
            return result.Error!.Is(Errors.InvalidTwoFactorCookie) || result.Error.Is(Errors.TooManyAttemptsRequestNewCode)
                ? new CookieResult(problem).Expire(FlowCookie.TwoFactor)
                : problem;
        }

        var verified = result.Value;
        return verified.SignedIn is { } signedIn
            ? this.SignedIn(signedIn, session => new TwoFactorVerifiedResponse(session.Token.Value, session.User))
            : Ok(new TwoFactorVerifiedResponse(currentToken, verified.User));
    }
}
